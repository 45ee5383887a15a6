/** Navigates with a full page load: used after sign-in/out so server-rendered pages see the new
 * cookie and the previous user's cached data goes with the old page. */
export function fullLoad(path: string): void {
  window.location.assign(path);
}
