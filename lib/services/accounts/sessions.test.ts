import { describe, expect, it } from "vitest";
import { Fake } from "../testing/fakes.ts";
import { endSession, SESSION_DAYS, startSession, userForSession } from "./sessions.ts";

describe("sessions", () => {
  it("a started session finds its user until it ends; only the secret's hash is stored", async () => {
    const fake = new Fake();
    const ada = fake.addUser("Ada");
    const { secret, expiresAt } = await startSession(ada.id, fake.repos);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan((SESSION_DAYS - 1) * 86_400_000);
    expect(fake.state.sessions.has(secret)).toBe(false);
    expect((await userForSession(secret, fake.repos))?.id).toBe(ada.id);
    await endSession(secret, fake.repos);
    expect(await userForSession(secret, fake.repos)).toBeNull();
  });

  it("an expired session finds nobody", async () => {
    const fake = new Fake();
    const { secret } = await startSession(fake.addUser("Ada").id, fake.repos);
    for (const session of fake.state.sessions.values()) session.expiresAt = new Date(Date.now() - 1000);
    expect(await userForSession(secret, fake.repos)).toBeNull();
  });
});
