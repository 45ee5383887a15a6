// CalDAV (SPEC §13): server.mjs hands /dav/* and /.well-known/caldav here as a POST carrying the
// client's method and path in trusted headers (Next's route handlers refuse PROPFIND, REPORT …).
export { davRoute as POST } from "@/lib/dav/handler.ts";
export const dynamic = "force-dynamic";
