// DAV errors carry an HTTP status and, where RFC 4791/6578 name one, a precondition element
// (`<d:error><d:valid-sync-token/></d:error>`) that clients read to decide what to do next.
export class DavError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Precondition/postcondition element name and namespace, e.g. ["DAV:", "need-privileges"]. */
    readonly condition?: readonly [string, string],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "DavError";
  }
}
