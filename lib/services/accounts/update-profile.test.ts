import { describe, expect, it } from "vitest";
import { Fake } from "../testing/fakes.ts";
import { rejection } from "../testing/scenario.ts";
import { updateProfile } from "./update-profile.ts";

describe("updateProfile", () => {
  it("changes name (trimmed) and time zone; 422 naming a blank name and an unknown zone at once", async () => {
    const fake = new Fake();
    const ada = fake.addUser("Ada");
    expect(await updateProfile(ada.id, { name: " Ada L. ", timeZone: "Europe/London" }, fake.repos)).toMatchObject({ name: "Ada L.", timeZone: "Europe/London" });
    const error = await rejection(updateProfile(ada.id, { name: "  ", timeZone: "Nowhere" }, fake.repos));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["name", "time_zone"]);
    expect(fake.user(ada.id)?.name).toBe("Ada L.");
  });
});
