// CalDAV sync-token / getctag from the change log (SPEC §11): a collection's token is its
// calendar's version; sync-collection sends the objects whose rows changed since a token, or a
// 404 entry for those that are gone (deleted, or no longer visible to the caller).
import { calendarVersion, changesSince } from "../db/change-log.ts";
import type { CalendarRecord, UserRecord } from "../domain/types.ts";
import { DavError } from "./errors.ts";
import { objectsForRows, type DavObject } from "./objects.ts";
import { NS } from "./xml.ts";

// Sync tokens are URIs (RFC 6578 §3.2); the calendar's uuid binds a token to its collection.
const PREFIX = "urn:sweetdate:sync:";

export async function collectionSyncToken(calendar: CalendarRecord): Promise<string> {
  const { version } = await calendarVersion(calendar.id);
  return `${PREFIX}${calendar.uuid}:${version}`;
}

const stale = () => new DavError(403, "the sync token is unknown or too old: sync again from scratch", [NS.DAV, "valid-sync-token"]);

export async function changedObjects(calendar: CalendarRecord, user: UserRecord, token: string): Promise<{ present: DavObject[]; gone: string[]; token: string }> {
  const match = /^urn:sweetdate:sync:([0-9a-f-]{36}):(\d{1,15})$/.exec(token);
  if (!match || match[1] !== calendar.uuid) throw stale();
  const since = Number(match[2]);
  // Read the version before the changes: anything committed in between is sent now and again next time.
  const { version, floor } = await calendarVersion(calendar.id);
  if (since > version || since < floor) throw stale();
  const changes = await changesSince(calendar.id, since);
  // The caller's own access to the calendar changed: a full sync is the simple, exact answer.
  if (changes.accessUsers.has(user.id)) throw stale();
  const { present, gone } = await objectsForRows(calendar, user, changes.eventIds);
  return { present, gone, token: `${PREFIX}${calendar.uuid}:${version}` };
}
