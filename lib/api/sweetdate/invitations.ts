// Instance administration (the instance admin only): invitations and the sign-up mode.
import { z } from "zod";
import * as admin from "../../services/invitations.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { serializeInvitation, serializeSettings } from "./serialize.ts";
import { answer, done } from "./doc.ts";
import * as ex from "../openapi/sweetdate-examples.ts";
import * as wire from "./schemas.ts";

// GET /api/v1/invitations – every invitation, newest first (never their secrets)
export const listInvitations = route(sweetdate, {
  doc: {
    method: "GET", path: "/api/v1/invitations", operationId: "listInvitations", group: "Administration",
    summary: "List invitations", description: "Instance admin only. Newest first; never their secrets.",
    responses: { 200: answer(wire.InvitationsEnvelope, { status: "ok", invitations: [ex.invitation] }) },
    errors: [403],
  },
}, async (ctx) => ok({ invitations: (await admin.listInvitations(ctx.caller.user.id)).map((i) => serializeInvitation(i)) }));

// POST /api/v1/invitations – create one { email?, expires_in_days? }; its secret and link are in this response only
export const createInvitation = route(sweetdate, {
  body: { schema: wire.InvitationInput },
  doc: {
    method: "POST", path: "/api/v1/invitations", operationId: "createInvitation", group: "Administration",
    summary: "Create an invitation", description: "Instance admin only. `email` binds it to one address; it expires after `expires_in_days` (1–365, default 14). The secret and the sign-up link are in this answer only.",
    body: { example: { email: "grace@example.com", expires_in_days: 7 } },
    responses: { 201: answer(wire.InvitationEnvelope, { status: "ok", invitation: { ...ex.invitation, token: "sdi_3q2-7wXr0d…", url: "https://cal.example.com/sign-up?invitation=sdi_3q2-7wXr0d…" } }, "Created") },
    errors: [403],
  },
}, async (ctx) => {
  const body = ctx.input;
  const created = await admin.createInvitation(ctx.caller.user.id, { email: body.email ?? undefined, days: body.expires_in_days });
  const url = `${ctx.url.origin}/sign-up?invitation=${encodeURIComponent(created.token)}`;
  return ok({ invitation: serializeInvitation(created, { token: created.token, url }) }, 201);
});

// DELETE /api/v1/invitations/:id – revoke an unused invitation
export const revokeInvitation = route(sweetdate, {
  params: z.object({ id: z.string().describe("Invitation id") }),
  doc: {
    method: "DELETE", path: "/api/v1/invitations/{id}", operationId: "revokeInvitation", group: "Administration",
    summary: "Revoke an invitation", description: "Instance admin only. A used invitation stays used.",
    responses: { 200: done },
    errors: [403, 404],
  },
}, async (ctx) => {
  await admin.revokeInvitation(ctx.caller.user.id, ctx.params.id);
  return ok({});
});

// GET /api/v1/settings – instance settings (admin)
export const getSettings = route(sweetdate, {
  doc: {
    method: "GET", path: "/api/v1/settings", operationId: "getSettings", group: "Administration",
    summary: "Instance settings", description: "Instance admin only.",
    responses: { 200: answer(wire.SettingsEnvelope, { status: "ok", settings: { sign_up: "invite", sign_up_pinned: false } }) },
    errors: [403],
  },
}, async (ctx) => {
  await admin.requireAdmin(ctx.caller.user.id);
  return ok({ settings: serializeSettings(await admin.signUpSetting()) });
});

// PUT /api/v1/settings – change the sign-up mode { sign_up: open | invite | closed } (admin)
export const updateSettings = route(sweetdate, {
  body: { schema: wire.SettingsInput, readOnly: ["sign_up_pinned"] },
  doc: {
    method: "PUT", path: "/api/v1/settings", operationId: "updateSettings", group: "Administration",
    summary: "Change the sign-up mode", description: "Instance admin only. 409 when SIGNUP_MODE in the server's environment pins it.",
    body: { example: { sign_up: "open" } },
    responses: { 200: answer(wire.SettingsEnvelope, { status: "ok", settings: { sign_up: "open", sign_up_pinned: false } }) },
    errors: [403, 409],
  },
}, async (ctx) => {
  const body = ctx.input;
  const setting = body.sign_up === undefined ? (await admin.requireAdmin(ctx.caller.user.id), await admin.signUpSetting()) : await admin.setSignUpMode(ctx.caller.user.id, body.sign_up);
  return ok({ settings: serializeSettings(setting) });
});
