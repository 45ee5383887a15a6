import { afterEach, describe, expect, it } from "vitest";
import { env, EnvError, parseEnv, useEnv } from "./env.ts";

afterEach(() => {
  useEnv();
});

describe("environment (lib/env.ts)", () => {
  it("defaults every variable when nothing is set, and treats empty as unset", () => {
    const parsed = parseEnv({});
    expect(parsed).toMatchObject({
      DATABASE_URL: "file:./data/sweetdate.db",
      DB_POOL_SIZE: 10,
      PORT: 3000,
      HOST: "0.0.0.0",
      TRUST_PROXY: false,
      RATE_LIMIT_PER_MINUTE: 6000,
      SYNC_RETENTION_DAYS: 30,
      SUBSCRIPTIONS_ALLOW_PRIVATE: false,
      SUBSCRIPTIONS_SCHEDULER: true,
      SWEETDATE_STREAM_PING_MS: 20_000,
      SWEETDATE_FEED_POLL_MS: 150,
    });
    expect(parsed.SIGNUP_MODE).toBeUndefined();
    expect(parseEnv({ TRUST_PROXY: "", RATE_LIMIT_PER_MINUTE: " ", SIGNUP_MODE: "" })).toEqual(parseEnv({}));
  });

  it("parses flags, numbers, the sign-up mode and both database kinds", () => {
    const parsed = parseEnv({ TRUST_PROXY: "1", SUBSCRIPTIONS_SCHEDULER: "0", RATE_LIMIT_PER_MINUTE: " 120 ", SIGNUP_MODE: " Open ", DATABASE_URL: "postgresql://u:p@db:5432/cal" });
    expect(parsed).toMatchObject({ TRUST_PROXY: true, SUBSCRIPTIONS_SCHEDULER: false, RATE_LIMIT_PER_MINUTE: 120, SIGNUP_MODE: "open", DATABASE_URL: "postgresql://u:p@db:5432/cal" });
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ DATABASE_URL: "file:/var/lib/sweetdate/cal.db" }).DATABASE_URL).toBe("file:/var/lib/sweetdate/cal.db");
    expect(parseEnv({ DATABASE_URL: "./data/x.db" }).DATABASE_URL).toBe("./data/x.db");
  });

  it("names every invalid variable, with what was given and what is accepted", () => {
    let error: unknown;
    try {
      parseEnv({ RATE_LIMIT_PER_MINUTE: "lots", TRUST_PROXY: "maybe", SIGNUP_MODE: "everyone", DATABASE_URL: "mysql://db/cal", DB_POOL_SIZE: "0", PORT: "70000" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = Object.fromEntries((error as EnvError).problems.map((p) => [p.name, p.message]));
    expect(Object.keys(problems).sort()).toEqual(["DATABASE_URL", "DB_POOL_SIZE", "PORT", "RATE_LIMIT_PER_MINUTE", "SIGNUP_MODE", "TRUST_PROXY"]);
    expect(problems.RATE_LIMIT_PER_MINUTE).toBe('must be a whole number from 1 to 1000000000 (got "lots")');
    expect(problems.TRUST_PROXY).toContain("must be 1 or 0");
    expect(problems.SIGNUP_MODE).toBe('must be one of open, invite, closed (got "everyone")');
    expect(problems.DATABASE_URL).toContain("postgres://");
    expect(problems.DB_POOL_SIZE).toBe('must be at least 1 (got "0")');
    expect(problems.PORT).toBe('must be at most 65535 (got "70000")');
    expect((error as Error).message).toMatch(/^sweetdate: invalid environment\n {2}/);
  });

  it("is parsed once: later changes to process.env are not seen until re-parsed", () => {
    useEnv({ RATE_LIMIT_PER_MINUTE: "7" });
    process.env.RATE_LIMIT_PER_MINUTE = "8";
    try {
      expect(env().RATE_LIMIT_PER_MINUTE).toBe(7);
    } finally {
      delete process.env.RATE_LIMIT_PER_MINUTE;
    }
  });
});
