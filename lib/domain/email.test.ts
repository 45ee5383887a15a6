import { describe, expect, it } from "vitest";
import { isEmail, normalizeEmail } from "./email.ts";

describe("normalizeEmail", () => {
  it("trims, lower-cases and NFC-normalises, so every spelling shares one key", () => {
    const spellings = ["ann@example.com", " ann@example.com", "ANN@Example.Com\t", "\n ann@EXAMPLE.com  "];
    expect(new Set(spellings.map(normalizeEmail))).toEqual(new Set(["ann@example.com"]));
    expect(normalizeEmail("Jose\u0301@example.com")).toBe(normalizeEmail("jos\u00e9@example.com"));
  });

  it("is idempotent", () => {
    for (const text of [" A@B.C ", "x@Y.z", "\u00c9@e.fr"]) expect(normalizeEmail(normalizeEmail(text))).toBe(normalizeEmail(text));
  });
});

describe("isEmail", () => {
  it("accepts plausible addresses and refuses the rest", () => {
    expect(isEmail("ann@example.com")).toBe(true);
    for (const bad of ["", "ann", "ann@example", "a nn@example.com", "@example.com", `${"a".repeat(250)}@e.co`]) expect(isEmail(bad)).toBe(false);
  });
});
