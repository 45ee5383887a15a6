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
import { EventUserChange, EventUserInput, MemberChange, MemberInput } from "./schemas.ts";
import { serializeParticipant, serializeUser } from "./serialize.ts";

const calendarKey = (ctx: { params: { calendar_id: string } }) => ({ uuid: ctx.params.calendar_id });

const member = (m: { user: Parameters<typeof serializeUser>[0]; role: string }) => ({ ...serializeUser(m.user), role: m.role });

// GET /api/v1/users?q= – find users (by email or name) to add to calendars and events
export const listUsers = route(sweetdate, { query: UserQuery }, async (ctx) => {
  const { q, ...p } = ctx.query;
  const { users, total } = await searchUsers({ viewerId: ctx.caller.user.id, q, ...p });
  return ok({ users: users.map(serializeUser), meta: { ...p, total } });
});

// GET /api/v1/calendars/:calendar_id/users – members with their roles
export const listMembers = route(sweetdate, { params: CalendarPath, query: PageQuery }, async (ctx) => {
  const p = ctx.query;
  const { members: list, total } = await members.listMembers(calendarKey(ctx), ctx.caller.user.id, p);
  return ok({ users: list.map(member), meta: { ...p, total } });
});

// POST /api/v1/calendars/:calendar_id/users – add a member { user_id, role }
export const addMember = route(sweetdate, { params: CalendarPath, body: { schema: MemberInput } }, async (ctx) => {
  const body = ctx.input;
  const added = await members.addMember(calendarKey(ctx), ctx.caller.user.id, userUuid(body.user_id), body.role ?? "member");
  return ok({ user: member(added) }, 201, { location: `${ctx.url.origin}${ctx.url.pathname}/${added.user.uuid}` });
});

// PUT /api/v1/calendars/:calendar_id/users/:user_id – change a member's role
export const changeMember = route(sweetdate, { params: MemberPath, body: { schema: MemberChange, readOnly: ["user_id", "id"] } }, async (ctx) => {
  const body = ctx.input;
  const changed = await members.changeMember(calendarKey(ctx), ctx.caller.user.id, ctx.params.user_id, body.role);
  return ok({ user: member(changed) });
});

// DELETE /api/v1/calendars/:calendar_id/users/:user_id – remove a member (or leave)
export const removeMember = route(sweetdate, { params: MemberPath }, async (ctx) => {
  await members.removeMember(calendarKey(ctx), ctx.caller.user.id, ctx.params.user_id);
  return ok({});
});

// GET /api/v1/calendars/:calendar_id/events/:id/users – participants with role and RSVP
export const listEventUsers = route(sweetdate, { params: EventPath }, async (ctx) => {
  const list = await participants.listParticipants(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id));
  return ok({ users: list.map(serializeParticipant) });
});

// POST /api/v1/calendars/:calendar_id/events/:id/users – add a participant { user_id, role?, rsvp? }
export const addEventUser = route(sweetdate, { params: EventPath, body: { schema: EventUserInput } }, async (ctx) => {
  const body = ctx.input;
  const added = await participants.addParticipant(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id), userUuid(body.user_id), body.role, body.rsvp);
  return ok({ user: serializeParticipant(added) }, 201, { location: `${ctx.url.origin}${ctx.url.pathname}/${added.user.uuid}` });
});

// PUT /api/v1/calendars/:calendar_id/events/:id/users/:user_id – change role and/or RSVP
export const changeEventUser = route(sweetdate, { params: EventUserPath, body: { schema: EventUserChange, readOnly: ["user_id", "id"] } }, async (ctx) => {
  const body = ctx.input;
  const changed = await participants.changeParticipant(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id), ctx.params.user_id, body);
  return ok({ user: serializeParticipant(changed) });
});

// DELETE /api/v1/calendars/:calendar_id/events/:id/users/:user_id – remove a participant
export const removeEventUser = route(sweetdate, { params: EventUserPath }, async (ctx) => {
  await participants.removeParticipant(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id), ctx.params.user_id);
  return ok({});
});
