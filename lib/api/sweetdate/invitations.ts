// Instance administration (the instance admin only): invitations and the sign-up mode.
import { z } from "zod";
import * as admin from "../../services/invitations.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { InvitationInput, SettingsInput } from "./schemas.ts";
import { serializeInvitation, serializeSettings } from "./serialize.ts";

// GET /api/v1/invitations – every invitation, newest first (never their secrets)
export const listInvitations = route(sweetdate, async (ctx) => ok({ invitations: (await admin.listInvitations(ctx.caller.user.id)).map((i) => serializeInvitation(i)) }));

// POST /api/v1/invitations – create one { email?, expires_in_days? }; its secret and link are in this response only
export const createInvitation = route(sweetdate, { body: { schema: InvitationInput } }, async (ctx) => {
  const body = ctx.input;
  const created = await admin.createInvitation(ctx.caller.user.id, { email: body.email ?? undefined, days: body.expires_in_days });
  const url = `${ctx.url.origin}/sign-up?invitation=${encodeURIComponent(created.token)}`;
  return ok({ invitation: serializeInvitation(created, { token: created.token, url }) }, 201);
});

// DELETE /api/v1/invitations/:id – revoke an unused invitation
export const revokeInvitation = route(sweetdate, { params: z.object({ id: z.string().describe("Invitation id") }) }, async (ctx) => {
  await admin.revokeInvitation(ctx.caller.user.id, ctx.params.id);
  return ok({});
});

// GET /api/v1/settings – instance settings (admin)
export const getSettings = route(sweetdate, async (ctx) => {
  await admin.requireAdmin(ctx.caller.user.id);
  return ok({ settings: serializeSettings(await admin.signUpSetting()) });
});

// PUT /api/v1/settings – change the sign-up mode { sign_up: open | invite | closed } (admin)
export const updateSettings = route(sweetdate, { body: { schema: SettingsInput, readOnly: ["sign_up_pinned"] } }, async (ctx) => {
  const body = ctx.input;
  const setting = body.sign_up === undefined ? (await admin.requireAdmin(ctx.caller.user.id), await admin.signUpSetting()) : await admin.setSignUpMode(ctx.caller.user.id, body.sign_up);
  return ok({ settings: serializeSettings(setting) });
});
