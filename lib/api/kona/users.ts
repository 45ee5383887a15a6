// Kona users: /api/userinfo (the caller) and /api/users (like= prefix, space_id= members).
import { searchUsers } from "../../services/accounts.ts";
import { getCalendar } from "../../services/manage-calendars.ts";
import { route } from "../route.ts";
import { badQuery, inKona, kona, pageHeaders, pageOf, publicUrl, wrapped } from "./envelope.ts";
import { parseId } from "./input.ts";
import { serializeUser } from "./serialize.ts";

const core = inKona({ calendar: "space" });

// GET /api/userinfo – the authenticated user
export const userinfo = route(kona, async (ctx) => wrapped("users", [serializeUser(ctx.caller.user)]));

// GET /api/users?like=&space_id= – users whose name or email starts with `like`; members of a space
export const listUsers = route(kona, async (ctx) => {
  const page = pageOf(ctx.url);
  const like = ctx.url.searchParams.get("like")?.trim() || undefined;
  const spaceText = ctx.url.searchParams.get("space_id");
  const spaceId = spaceText === null ? undefined : parseId(spaceText);
  if (spaceId === null) throw badQuery({ space_id: ["must be an integer id"] });
  if (like && like.length > 200) throw badQuery({ like: ["is too long (maximum is 200 characters)"] });
  // Membership lists are for members: a foreign space is as unknown as a missing one (404).
  const calendarId = spaceId === undefined ? undefined : (await core(getCalendar({ id: spaceId }, ctx.caller.user.id))).id;
  const { users, total } = await searchUsers({ viewerId: ctx.caller.user.id, prefix: like, calendarId, limit: page.limit, offset: page.offset });
  return wrapped("users", users.map(serializeUser), 200, pageHeaders(publicUrl(ctx.req), page, total));
});
