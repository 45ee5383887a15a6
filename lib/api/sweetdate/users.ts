// SweetDate users: /api/v1/users, calendar members /api/v1/calendars/:calendar_id/users[/:user_id],
// event users /api/v1/calendars/:calendar_id/events/:id/users[/:user_id].
import { searchUsers } from "../../services/accounts.ts";
import * as members from "../../services/members/index.ts";
import * as participants from "../../services/participants/index.ts";
import { loadViewer } from "../../services/viewer.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { eventRefOf } from "./events.ts";
import { CalendarPath, EventPath, EventUserPath, MemberPath, userUuid } from "./input.ts";
import { PageQuery, UserQuery } from "./queries.ts";
import { serializeParticipant, serializeUser } from "./serialize.ts";
import { answer, done, LOCATION } from "./doc.ts";
import * as ex from "../openapi/sweetdate-examples.ts";
import * as wire from "./schemas.ts";

const calendarKey = (ctx: { params: { calendar_id: string } }) => ({ uuid: ctx.params.calendar_id });

const member = (m: { user: Parameters<typeof serializeUser>[0]; role: string }) => ({ ...serializeUser(m.user), role: m.role });

// GET /api/v1/users?q= – find users (by email or name) to add to calendars and events
export const listUsers = route(sweetdate, {
  query: UserQuery,
  doc: {
    method: "GET", path: "/api/v1/users", operationId: "listUsers", group: "Users",
    summary: "Find users", description: "To add them to calendars and events. Lists you and the people who share a calendar with you; a `q` that is a whole email address also finds that one person, whoever they are.", responses: { 200: answer(wire.UsersEnvelope, { status: "ok", users: [ex.user], meta: ex.meta(1) }) },
    errors: [422],
  },
}, async (ctx) => {
  const { q, ...p } = ctx.query;
  const { users, total } = await searchUsers({ viewerId: ctx.caller.user.id, q, ...p });
  return ok({ users: users.map(serializeUser), meta: { ...p, total } });
});

// GET /api/v1/calendars/:calendar_id/users – members with their roles
export const listMembers = route(sweetdate, {
  params: CalendarPath, query: PageQuery,
  doc: {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/users", operationId: "listMembers", group: "Calendar members",
    summary: "List members with their roles", responses: { 200: answer(wire.MembersEnvelope, { status: "ok", users: [{ ...ex.member, role: "owner" }], meta: ex.meta(1) }) },
    errors: [404, 422],
  },
}, async (ctx) => {
  const p = ctx.query;
  const { members: list, total } = await members.listMembers(calendarKey(ctx), ctx.caller.user.id, p);
  return ok({ users: list.map(member), meta: { ...p, total } });
});

// POST /api/v1/calendars/:calendar_id/users – add a member { user_id, role }
export const addMember = route(sweetdate, {
  params: CalendarPath, body: { schema: wire.MemberInput },
  doc: {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/users", operationId: "addMember", group: "Calendar members",
    summary: "Add a member", description: "Owners and admins; `role` defaults to `member`; only owners grant `owner`.",
    body: { example: { user_id: ex.user.id, role: "member" } },
    responses: { 201: answer(wire.MemberEnvelope, { status: "ok", user: ex.member }, "Created", LOCATION) },
    errors: [403, 404, 409],
  },
}, async (ctx) => {
  const body = ctx.input;
  const added = await members.addMember(calendarKey(ctx), ctx.caller.user.id, userUuid(body.user_id), body.role ?? "member");
  return ok({ user: member(added) }, 201, { location: `${ctx.url.origin}${ctx.url.pathname}/${added.user.uuid}` });
});

// PUT /api/v1/calendars/:calendar_id/users/:user_id – change a member's role
export const changeMember = route(sweetdate, {
  params: MemberPath, body: { schema: wire.MemberChange, readOnly: ["user_id", "id"] },
  doc: {
    method: "PUT", path: "/api/v1/calendars/{calendar_id}/users/{user_id}", operationId: "changeMember", group: "Calendar members",
    summary: "Change a member's role", description: "The last owner cannot be demoted (422).",
    body: { example: { role: "admin" } },
    responses: { 200: answer(wire.MemberEnvelope, { status: "ok", user: { ...ex.member, role: "admin" } }) },
    errors: [403, 404],
  },
}, async (ctx) => {
  const body = ctx.input;
  const changed = await members.changeMember(calendarKey(ctx), ctx.caller.user.id, ctx.params.user_id, body.role);
  return ok({ user: member(changed) });
});

// DELETE /api/v1/calendars/:calendar_id/users/:user_id – remove a member (or leave)
export const removeMember = route(sweetdate, {
  params: MemberPath,
  doc: {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}/users/{user_id}", operationId: "removeMember", group: "Calendar members",
    summary: "Remove a member (or leave)", description: "Anyone may leave; the last owner cannot (409).",
    responses: { 200: done },
    errors: [403, 404, 409],
  },
}, async (ctx) => {
  await members.removeMember(calendarKey(ctx), ctx.caller.user.id, ctx.params.user_id);
  return ok({});
});

// GET /api/v1/calendars/:calendar_id/events/:id/users – participants with role and RSVP
export const listEventUsers = route(sweetdate, {
  params: EventPath,
  doc: {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/events/{id}/users", operationId: "listEventUsers", group: "Event participants",
    summary: "List an event's participants", responses: { 200: answer(wire.EventUsersEnvelope, { status: "ok", users: [ex.eventUser] }) },
    errors: [404],
  },
}, async (ctx) => {
  const list = await participants.listParticipants(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id));
  return ok({ users: list.map(serializeParticipant) });
});

// POST /api/v1/calendars/:calendar_id/events/:id/users – add a participant { user_id, role?, rsvp? }
export const addEventUser = route(sweetdate, {
  params: EventPath, body: { schema: wire.EventUserInput },
  doc: {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/events/{id}/users", operationId: "addEventUser", group: "Event participants",
    summary: "Add a participant", description: "`role` defaults to the event's `default_role`; `rsvp` to `needs_action`.",
    body: { example: { user_id: ex.user.id, role: "editor" } },
    responses: { 201: answer(wire.EventUserEnvelope, { status: "ok", user: { ...ex.eventUser, rsvp: "needs_action" } }, "Created", LOCATION) },
    errors: [403, 404, 409],
  },
}, async (ctx) => {
  const body = ctx.input;
  const added = await participants.addParticipant(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id), userUuid(body.user_id), body.role, body.rsvp);
  return ok({ user: serializeParticipant(added) }, 201, { location: `${ctx.url.origin}${ctx.url.pathname}/${added.user.uuid}` });
});

// PUT /api/v1/calendars/:calendar_id/events/:id/users/:user_id – change role and/or RSVP
export const changeEventUser = route(sweetdate, {
  params: EventUserPath, body: { schema: wire.EventUserChange, readOnly: ["user_id", "id"] },
  doc: {
    method: "PUT", path: "/api/v1/calendars/{calendar_id}/events/{id}/users/{user_id}", operationId: "changeEventUser", group: "Event participants",
    summary: "Change a participant's role or RSVP", description: "Editors change roles; participants answer their own RSVP.",
    body: { example: { rsvp: "accepted" } },
    responses: { 200: answer(wire.EventUserEnvelope, { status: "ok", user: ex.eventUser }) },
    errors: [403, 404],
  },
}, async (ctx) => {
  const body = ctx.input;
  const changed = await participants.changeParticipant(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id), ctx.params.user_id, body);
  return ok({ user: serializeParticipant(changed) });
});

// DELETE /api/v1/calendars/:calendar_id/events/:id/users/:user_id – remove a participant
export const removeEventUser = route(sweetdate, {
  params: EventUserPath,
  doc: {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}/events/{id}/users/{user_id}", operationId: "removeEventUser", group: "Event participants",
    summary: "Remove a participant", responses: { 200: done },
    errors: [403, 404],
  },
}, async (ctx) => {
  await participants.removeParticipant(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id), ctx.params.user_id);
  return ok({});
});
