import { afterEach, describe, expect, it } from "vitest";
import { useEnv } from "../../env.ts";
import { Fake } from "../testing/fakes.ts";
import { rejection } from "../testing/scenario.ts";
import { createInvitation } from "./create-invitation.ts";
import { invitationState } from "./invitation-rules.ts";
import { listInvitations } from "./list-invitations.ts";
import { revokeInvitation } from "./revoke-invitation.ts";
import { setSignUpMode, signUpSetting } from "./sign-up-mode.ts";

afterEach(() => void useEnv());

function instance() {
  const fake = new Fake();
  return { fake, admin: fake.addUser("Ada", { isAdmin: true }), user: fake.addUser("Bob") };
}

describe("invitations", () => {
  it("createInvitation: admins (and the CLI) only; 422 for a bad email or lifetime; the token is stored hashed", async () => {
    const { fake, admin, user } = instance();
    expect((await rejection(createInvitation(user.id, {}, fake.repos))).status).toBe(403);
    expect((await rejection(createInvitation(admin.id, { email: "not an email" }, fake.repos))).fields).toHaveProperty("email");
    expect((await rejection(createInvitation(admin.id, { days: 0 }, fake.repos))).fields).toHaveProperty("expires_in_days");
    const created = await createInvitation(null, { email: " Cy@Example.test" }, fake.repos);
    expect(created).toMatchObject({ email: "cy@example.test", createdById: null });
    expect(fake.state.invitations.has(created.token)).toBe(false);
    expect(invitationState(created)).toBe("open");
  });

  it("listInvitations / revokeInvitation: admins only; a revoked invitation is no longer open; 404 for an unknown one", async () => {
    const { fake, admin, user } = instance();
    const created = await createInvitation(admin.id, {}, fake.repos);
    expect((await rejection(listInvitations(user.id, fake.repos))).status).toBe(403);
    expect((await rejection(revokeInvitation(user.id, created.uuid, fake.repos))).status).toBe(403);
    expect(invitationState(await revokeInvitation(admin.id, created.uuid.toUpperCase(), fake.repos))).toBe("revoked");
    expect((await listInvitations(admin.id, fake.repos)).map((i) => i.uuid)).toEqual([created.uuid]);
    expect((await rejection(revokeInvitation(admin.id, "00000000-0000-0000-0000-000000000000", fake.repos))).status).toBe(404);
  });

  it("setSignUpMode: admins only; 409 when SIGNUP_MODE pins it", async () => {
    useEnv({ SIGNUP_MODE: undefined });
    const { fake, admin, user } = instance();
    expect((await rejection(setSignUpMode(user.id, "open", fake.repos))).status).toBe(403);
    await setSignUpMode(admin.id, "closed", fake.repos);
    expect(await signUpSetting(fake.repos)).toEqual({ mode: "closed", pinned: false });
    useEnv({ SIGNUP_MODE: "open" });
    expect((await rejection(setSignUpMode(admin.id, "invite", fake.repos))).status).toBe(409);
    expect(await signUpSetting(fake.repos)).toEqual({ mode: "open", pinned: true });
  });
});
