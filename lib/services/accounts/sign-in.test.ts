import { describe, expect, it } from "vitest";
import { Fake } from "../testing/fakes.ts";
import { rejection } from "../testing/scenario.ts";
import { checkPassword } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";

describe("checkPassword", () => {
  it("answers the account (without its hash) for the right password, in any spelling of the email; 401 otherwise", async () => {
    const fake = new Fake();
    const ada = await signUp({ email: "ada@example.test", password: "correct horse" }, {}, fake.repos);
    const found = await checkPassword(" ADA@example.test", "correct horse", fake.repos);
    expect(found).toEqual(ada);
    expect(found).not.toHaveProperty("passwordHash");
    expect((await rejection(checkPassword("ada@example.test", "wrong horse", fake.repos))).status).toBe(401);
    expect((await rejection(checkPassword("nobody@example.test", "correct horse", fake.repos))).status).toBe(401);
  });
});
