// Kona users: /api/userinfo (the caller) and /api/users (like= prefix, space_id= members).
import { searchUsers } from "../../services/accounts.ts";
import { getCalendar } from "../../services/manage-calendars.ts";
import { route } from "../route.ts";
import { kona, pageHeaders, publicUrl, wrapped } from "./envelope.ts";
import { UserListQuery } from "./queries.ts";
import { serializeUser } from "./serialize.ts";
import { PAGING } from "./doc.ts";
import * as ex from "../openapi/kona-examples.ts";
import * as wire from "./schemas.ts";

// GET /api/userinfo – the authenticated user
export const userinfo = route(kona, {
  doc: {
    method: "GET", path: "/api/userinfo", operationId: "konaUserinfo", group: "Users",
    summary: "The authenticated user",
    responses: { 200: { description: "OK", schema: wire.Users, example: { users: [ex.user] } } },
  },
}, async (ctx) => wrapped("users", [serializeUser(ctx.caller.user)]));

// GET /api/users?like=&space_id= – users whose name or email starts with `like`; members of a space
export const listUsers = route(kona, {
  query: UserListQuery,
  doc: {
    method: "GET", path: "/api/users", operationId: "konaListUsers", group: "Users",
    summary: "Find users", description: "You and the people who share a space with you (`like`: a prefix of name or email); a `like` that is a whole email address also finds that one person.", responses: { 200: { description: "OK", schema: wire.Users, example: { users: [ex.user] }, headers: PAGING } },
    errors: [400, 404],
  },
}, async (ctx) => {
  const { page, like, space_id: spaceId } = ctx.query;
  // Membership lists are for members: a foreign space is as unknown as a missing one (404).
  const calendarId = spaceId === undefined ? undefined : (await getCalendar({ id: spaceId }, ctx.caller.user.id)).id;
  const { users, total } = await searchUsers({ viewerId: ctx.caller.user.id, prefix: like, calendarId, limit: page.limit, offset: page.offset });
  return wrapped("users", users.map(serializeUser), 200, pageHeaders(publicUrl(ctx.req), page, total));
});
