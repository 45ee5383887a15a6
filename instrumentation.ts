// Runs once when the server starts: apply pending database migrations before serving.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrate } = await import("./lib/db/migrate.ts");
  const applied = await migrate();
  if (applied.length) console.log(`sweetdate: applied migrations ${applied.join(", ")}`);
  // Subscribed calendars (SPEC §12) are refreshed in the background.
  const { startSubscriptionScheduler } = await import("./lib/services/subscriptions.ts");
  startSubscriptionScheduler();
}
