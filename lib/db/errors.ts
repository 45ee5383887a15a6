// Database errors a request can meet through no fault of the server — a row deleted by another request
// meanwhile, a unique key taken, a lock waited on too long — as the AppError the client should see.
// Both the API's route() and the CalDAV handler answer them so (a 404, a 409), never as a 500.
import { AppError } from "../domain/errors.ts";

/** The AppError for a known Prisma / driver error code; null for anything else (a bug: log it, answer 500). */
export function databaseError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "P2025":
      return new AppError("NOT_FOUND", "not found");
    // A write naming a row another request deleted meanwhile (the calendar of a new feed, say): it is gone.
    case "P2003":
      return new AppError("NOT_FOUND", "not found: it was deleted meanwhile");
    case "P2002":
      return new AppError("CONFLICT", "that already exists");
    case "P2034":
    case "SQLITE_BUSY":
      return new AppError("CONFLICT", "the database was busy with a conflicting change; retry");
    // A write that waited too long for its calendar's lock, a pooled connection or (SQLite, P1008) another
    // process's write lock under load: nothing was written.
    case "P2028":
    case "P2024":
    case "P1008":
      return new AppError("CONFLICT", "the calendar was busy with other changes; nothing was written, retry", undefined, 1);
    default:
      return null;
  }
}
