import { afterEach, describe, expect, it } from "vitest";
import { useEnv } from "../../env.ts";
import { createInvitation } from "../invitations/create-invitation.ts";
import { setSignUpMode } from "../invitations/sign-up-mode.ts";
import { rejection } from "../testing/scenario.ts";
import { Fake } from "../testing/fakes.ts";
import { signUp } from "./sign-up.ts";

afterEach(() => void useEnv());

describe("signUp", () => {
  it("the first account becomes the instance admin; the email is normalised; the password is stored hashed", async () => {
    const fake = new Fake();
    const first = await signUp({ email: "  Ada@Example.TEST ", password: "correct horse" }, {}, fake.repos);
    expect(first).toMatchObject({ email: "ada@example.test", name: "ada" });
    expect(fake.state.users.get(first.id)).toMatchObject({ isAdmin: true });
    expect(fake.state.users.get(first.id)?.passwordHash).toMatch(/^\$argon2id\$/);
    const second = await signUp({ email: "bob@example.test", password: "correct horse", name: " Bob " }, { operator: true }, fake.repos);
    expect(second.name).toBe("Bob");
    expect(fake.state.users.get(second.id)?.isAdmin).toBe(false);
  });

  it("422 naming email, password and time_zone at once", async () => {
    const fake = new Fake();
    const error = await rejection(signUp({ email: "nope", password: "short", timeZone: "Mars/Base" }, {}, fake.repos));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["email", "password", "time_zone"]);
    expect(fake.state.users.size).toBe(0);
  });

  it("409 for an email already taken (in any spelling)", async () => {
    const fake = new Fake();
    await signUp({ email: "ada@example.test", password: "correct horse" }, {}, fake.repos);
    expect((await rejection(signUp({ email: "ADA@example.test", password: "another one" }, { operator: true }, fake.repos))).status).toBe(409);
    expect(fake.state.users.size).toBe(1);
  });

  it("closed: 403 through the web, the operator (CLI) still may", async () => {
    useEnv({ SIGNUP_MODE: undefined });
    const fake = new Fake();
    const admin = await signUp({ email: "ada@example.test", password: "correct horse" }, {}, fake.repos);
    await setSignUpMode(admin.id, "closed", fake.repos);
    expect((await rejection(signUp({ email: "bob@example.test", password: "correct horse" }, {}, fake.repos))).status).toBe(403);
    await signUp({ email: "bob@example.test", password: "correct horse" }, { operator: true }, fake.repos);
    expect(fake.state.users.size).toBe(2);
  });

  it("invite: 403 without an invitation or with one for another email; a valid one is used up", async () => {
    useEnv({ SIGNUP_MODE: undefined });
    const fake = new Fake();
    const admin = await signUp({ email: "ada@example.test", password: "correct horse" }, {}, fake.repos);
    await setSignUpMode(admin.id, "invite", fake.repos);
    const forBob = await createInvitation(admin.id, { email: "bob@example.test" }, fake.repos);
    expect((await rejection(signUp({ email: "bob@example.test", password: "correct horse" }, {}, fake.repos))).status).toBe(403);
    expect((await rejection(signUp({ email: "eve@example.test", password: "correct horse", invitation: forBob.token }, {}, fake.repos))).status).toBe(403);
    const bob = await signUp({ email: "bob@example.test", password: "correct horse", invitation: forBob.token }, {}, fake.repos);
    expect([...fake.state.invitations.values()][0]).toMatchObject({ usedById: bob.id });
    const anyone = await createInvitation(admin.id, {}, fake.repos);
    await signUp({ email: "cy@example.test", password: "correct horse", invitation: anyone.token }, {}, fake.repos);
    expect((await rejection(signUp({ email: "dee@example.test", password: "correct horse", invitation: anyone.token }, {}, fake.repos))).status).toBe(403);
  });
});
