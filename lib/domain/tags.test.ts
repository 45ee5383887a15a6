import { describe, expect, it } from "vitest";
import { deriveTags } from "./tags.ts";

describe("deriveTags", () => {
  it.each([
    [["Plan #Q3 #launch", "see #q3 and #Roadmap"], ["q3", "launch", "roadmap"]],
    [["no tags here", null], []],
    [["email a#b and url x.com/#anchor", "#ok"], ["ok"]],
    [["#Überblick #café-time", undefined], ["überblick", "café-time"]],
    [["#1on1 with #team_a", ""], ["1on1", "team_a"]],
  ] as const)("%j → %j", (texts, tags) => {
    expect(deriveTags(...texts)).toEqual(tags);
  });
});
