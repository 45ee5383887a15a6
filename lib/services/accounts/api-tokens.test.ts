import { describe, expect, it } from "vitest";
import { Fake } from "../testing/fakes.ts";
import { rejection } from "../testing/scenario.ts";
import { createApiToken, listApiTokens, revokeApiToken, userForToken } from "./api-tokens.ts";

describe("API tokens", () => {
  it("a created token is shown once, finds its user, and stops working when revoked", async () => {
    const fake = new Fake();
    const ada = fake.addUser("Ada");
    const created = await createApiToken(ada.id, "  CI  ", fake.repos);
    expect(created).toMatchObject({ name: "CI", prefix: created.token.slice(0, 10) });
    expect(created.token).toMatch(/^sdt_/);
    expect((await userForToken(created.token, fake.repos))?.id).toBe(ada.id);
    expect((await listApiTokens(ada.id, fake.repos)).map((t) => t.uuid)).toEqual([created.uuid]);
    await revokeApiToken(ada.id, created.uuid, fake.repos);
    expect(await userForToken(created.token, fake.repos)).toBeNull();
    expect(await listApiTokens(ada.id, fake.repos)).toEqual([]);
  });

  it("404 revoking someone else's token (it keeps working); 422 for a name over 100 characters; a default name", async () => {
    const fake = new Fake();
    const ada = fake.addUser("Ada");
    const bob = fake.addUser("Bob");
    const token = await createApiToken(ada.id, undefined, fake.repos);
    expect(token.name).toBe("API token");
    expect((await rejection(revokeApiToken(bob.id, token.uuid, fake.repos))).status).toBe(404);
    expect((await userForToken(token.token, fake.repos))?.id).toBe(ada.id);
    expect((await rejection(createApiToken(ada.id, "x".repeat(101), fake.repos))).status).toBe(422);
  });
});
