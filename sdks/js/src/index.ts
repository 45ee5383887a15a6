// @sweetdate/sdk — the SweetDate calendar API for Node 20+ and browsers.
//   import { SD } from "@sweetdate/sdk";
//   SD.configure({ baseUrl: "https://cal.example.com", token: process.env.SWEETDATE_API_TOKEN });
//   const calendar = await SD.Calendar.get("CALENDAR-ID");
//   const events = await calendar.events({ limit: 25, offset: 0, q: "meeting" });
import { SweetDate } from "./client.ts";

/** The default client: configured by `SD.configure(…)` or SWEETDATE_URL / SWEETDATE_API_TOKEN. */
export const SD = new SweetDate();
export default SD;

export { SweetDate } from "./client.ts";
export { Calendar } from "./calendar.ts";
export type { ClientOptions, ResolvedOptions, FetchLike } from "./config.ts";
export type { RequestSpec, Method, Query } from "./http.ts";
export {
  SweetDateError,
  BadRequestError,
  AuthenticationError,
  PermissionError,
  NotFoundError,
  ConflictError,
  SyncTokenExpiredError,
  PreconditionFailedError,
  ValidationError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ConnectionError,
} from "./errors.ts";
export type { ErrorCode, FieldErrors } from "./errors.ts";
export type * from "./types.ts";
/** The wire schemas (zod), for validating data of your own against the API's contract. */
export * as schemas from "./generated/schemas.ts";
