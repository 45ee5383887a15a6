// The production wiring of lib/services/ports.ts: the functions of lib/db, bound to a transaction
// client when one is open. The only place services learn which database functions back a port.
import * as calendars from "../db/calendar-repository.ts";
import { subscribeFeed } from "../db/change-feed.ts";
import { calendarVersion, changesSince, dropCalendarLog, lockCalendar, memberCalendarVersions, recordChange } from "../db/change-log.ts";
import type { Tx } from "../db/client.ts";
import { setCalendarDavName, setIcalIdentity } from "../db/dav-repository.ts";
import * as events from "../db/event-repository.ts";
import * as ical from "../db/ical-repository.ts";
import { cachedRead } from "../db/read-cache.ts";
import { serverSecret } from "../db/secrets.ts";
import { transaction } from "../db/transaction.ts";
import * as trash from "../db/trash-repository.ts";
import * as invitations from "../db/invitation-repository.ts";
import * as users from "../db/user-repository.ts";
import { checkFeedHost, fetchFeed } from "./fetch-feed.ts";
import { EmailTaken, type Repos } from "./ports.ts";

/** The database's repos; with `tx`, every read and write runs in that transaction. */
export function databaseRepos(tx?: Tx): Repos {
  return {
    events: {
      findById: (id) => events.findEventById(id, tx),
      findByUuid: (uuid) => events.findEventByUuid(uuid, tx),
      findByIds: (ids) => events.findEventsByIds(ids, tx),
      findOverrides: (seriesIds) => events.findOverrides(seriesIds, tx),
      findStored: (viewer, calendarId, page) => events.findStoredEvents(viewer, calendarId, page, tx),
      findEvents: (query) => events.findEvents(query, tx),
      // Window reads run outside transactions only (on the read connection).
      findWindow: (viewer, window, calendarId, q) => events.findWindow(viewer, window, calendarId, q),
      insert: (data) => events.insertEvent(data, tx),
      update: (event, change) => events.updateEvent(event, change, tx),
      softDelete: (event) => events.softDeleteEvent(event, tx),
      setParticipant: (event, userId, role, rsvp) => events.setParticipant(event, userId, role, rsvp, tx),
      removeParticipant: (event, userId) => events.removeParticipant(event, userId, tx),
      touch: (eventId) => events.touchEvent(eventId, tx),
      moveOverrides: (overrides, seriesId) => events.moveOverrides(overrides, seriesId, tx),
      rekeyOverride: (override, originalStartsAt) => events.rekeyOverride(override, originalStartsAt, tx),
      setExdates: (eventId, exdates) => events.setExdates(eventId, exdates, tx),
    },
    calendars: {
      rolesOf: (userId) => calendars.rolesOf(userId, tx),
      listOf: (userId, page) => calendars.listCalendarsOf(userId, page, tx),
      find: (key, userId) => calendars.findCalendar(key, userId, tx),
      insert: (data, ownerId) => calendars.insertCalendar(data, ownerId, tx),
      update: (id, data) => calendars.updateCalendar(id, data, tx),
      delete: (id) => calendars.deleteCalendar(id, tx),
      setDavName: (id, davName) => setCalendarDavName(id, davName, tx),
      listMembers: (calendarId, page) => calendars.listMembers(calendarId, page, tx),
      findMember: (calendarId, userId) => calendars.findMember(calendarId, userId, tx),
      upsertMember: (calendarId, userId, role) => calendars.upsertMember(calendarId, userId, role, tx),
      removeMember: (calendarId, userId) => calendars.removeMember(calendarId, userId, tx),
      countOwners: (calendarId) => calendars.countOwners(calendarId, tx),
    },
    users: {
      findByUuid: (uuid) => users.findUserByUuid(uuid, tx),
      findByIds: (ids) => users.findUsersByIds(ids, tx),
      findByEmail: (email) => users.findUserByEmail(email, tx),
      insert: (data) =>
        users.insertUser(data, tx).catch((error: unknown) => {
          // Prisma's unique-constraint violation: the email is taken.
          throw (error as { code?: string }).code === "P2002" ? new EmailTaken() : error;
        }),
      update: (id, data) => users.updateUser(id, data, tx),
      count: () => users.countUsers(tx),
      isAdmin: (id) => users.isAdminUser(id, tx),
      lockSignUps: () => users.lockSignUps(inTx(tx)),
      search: (opts) => users.searchUsers(opts, tx),
    },
    credentials: {
      insertSession: (userId, tokenHash, expiresAt) => users.insertSession(userId, tokenHash, expiresAt, tx),
      findSessionUser: (tokenHash) => users.findSessionUser(tokenHash, tx),
      deleteSession: (tokenHash) => users.deleteSession(tokenHash, tx),
      insertToken: (userId, name, tokenHash, prefix) => users.insertApiToken(userId, name, tokenHash, prefix, tx),
      listTokens: (userId) => users.listApiTokens(userId, tx),
      revokeToken: (userId, uuid) => users.revokeApiToken(userId, uuid, tx),
      findTokenUser: (tokenHash) => users.findApiTokenUser(tokenHash, tx),
    },
    invitations: {
      insert: (data) => invitations.insertInvitation(data, tx),
      findByHash: (tokenHash) => invitations.findInvitationByHash(tokenHash, tx),
      consume: (id, userId, now) => invitations.consumeInvitation(id, userId, now, tx),
      list: () => invitations.listInvitations(tx),
      revoke: (uuid, now) => invitations.revokeInvitation(uuid, now, tx),
      getSetting: (key) => invitations.getSetting(key, tx),
      putSetting: (key, value) => invitations.putSetting(key, value, tx),
    },
    changes: {
      lockCalendar: (calendarId) => lockCalendar(inTx(tx), calendarId),
      recordChange: (change) => recordChange(inTx(tx), change),
      dropCalendar: (calendarId) => dropCalendarLog(calendarId, tx),
      version: (calendarId) => calendarVersion(calendarId, tx),
      changesSince: (calendarId, version) => changesSince(calendarId, version, tx),
      memberCalendarVersions: (userId) => memberCalendarVersions(userId, tx),
    },
    changeFeed: { subscribe: (subscriber) => subscribeFeed(subscriber) },
    secrets: { get: (name) => serverSecret(name) },
    subscriptions: {
      find: (calendarId) => ical.findSubscription(calendarId, tx),
      insert: (calendarId, sourceUrl) => ical.insertSubscription(calendarId, sourceUrl, tx),
      update: (id, data) => ical.updateSubscription(id, data, tx),
      claimDue: (now, leaseMs) => ical.claimDueSubscriptions(now, leaseMs, tx),
      ownerOf: (calendarId) => ical.findOwnerId(calendarId, tx),
    },
    icalExport: {
      calendarRows: (calendarId) => ical.findCalendarRows(calendarId, tx),
      upsertFeed: (calendarId, userId, secretHash) => ical.upsertFeed(calendarId, userId, secretHash, tx),
      deleteFeed: (calendarId, userId) => ical.deleteFeed(calendarId, userId, tx),
      findFeed: (secretHash) => ical.findFeed(secretHash, tx),
    },
    feedSource: { checkHost: checkFeedHost, fetch: fetchFeed },
    trash: {
      find: (calendarId, since) => trash.findTrashed(calendarId, since, tx),
      findByUuid: (uuid) => trash.findTrashedByUuid(uuid, tx),
      restore: (trashed) => trash.restoreTrashed(trashed, inTx(tx)),
      restoreOverride: (seriesId, calendarId, originalStartsAt) => trash.restoreOverride(seriesId, calendarId, originalStartsAt, inTx(tx)),
    },
    cache: { read: (key, calendarId, compute) => cachedRead(key, calendarId, compute) },
    // iCalendar import: bulk writes take the calendar's change lock themselves, so they need a transaction.
    icalImport: {
      findStoredSeries: (calendarId) => ical.findStoredSeries(calendarId, tx),
      insertImported: (rows, target) => ical.insertImported(rows, target, inTx(tx)),
      deleteRows: (ids, calendarId) => ical.deleteRows(ids, calendarId, inTx(tx)),
      stampFeed: (calendarId, icsFeedId) => ical.stampFeed(calendarId, icsFeedId, inTx(tx)),
      setIdentity: (eventId, identity) => setIcalIdentity(eventId, identity, tx),
    },
    transaction: (work) => (tx ? work(databaseRepos(tx)) : transaction((t) => work(databaseRepos(t)))),
    insertEventAlone: (data) => (tx ? events.insertEvent(data, tx) : events.insertEventAlone(data)),
  };
}

/** Change-log writes belong in a transaction; the port only offers them through `transaction`. */
function inTx(tx: Tx | undefined): Tx {
  if (!tx) throw new Error("this write needs a transaction: call it inside repos.transaction(work)");
  return tx;
}

/** What the use cases run on unless a test hands them fakes. */
export const productionRepos: Repos = databaseRepos();
