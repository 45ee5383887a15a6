// Real-world and regression calendars (e2e/fixtures/ics-corpus, see its README): each imports into a
// fresh UTC calendar and lists the same occurrences as recurring_ical_events expands from the file.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { newCalendar, newUser } from "../../helpers.ts";
import { apiOccurrences, importText, pythonEarliest, pythonOccurrences, startingIn } from "./ical-helpers.ts";

const DIR = path.resolve(import.meta.dirname, "../../fixtures/ics-corpus");
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith(".ics")).sort();

/**
 * Files the reference reader gets wrong, and how the comparison accounts for it. icalendar 4.0.3
 * (Debian) does not resolve globally unique / slash-prefixed TZIDs and reads those times as UTC;
 * newer icalendar releases resolve them (collective/icalendar issues 313 and 466), as we do. For
 * these files the reader is given the same text with the plain IANA names.
 */
const PLAIN_TZIDS: Record<string, string> = {
  "icalendar__issue_313_globally_unique_tzid.ics": "libical and Lightning TZIDs are not resolved by icalendar 4.0.3",
  "icalendar__issue_466_convert_tzid_with_slash.ics": "TZID=/Europe/Stockholm is not resolved by icalendar 4.0.3",
};

/** Files whose features our recurrence engine does not store yet (marked, with the reason). */
const NOT_YET: Record<string, string> = {};

function plainTzids(text: string): string {
  return text.replace(/TZID=\/(?:[^/:;\r\n]+\/)*?((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z_/-]+)/g, "TZID=$1");
}

for (const file of FILES) {
  test(`POST /api/v1/calendars/:cid/import – ${file} lists the same occurrences as recurring_ical_events`, async ({ request }) => {
    test.fail(file in NOT_YET, NOT_YET[file]);
    const user = await newUser(request);
    const calendar = await newCalendar(request, user, { time_zone: "UTC" });
    const text = fs.readFileSync(path.join(DIR, file), "utf8");
    const result = await importText(request, user, calendar.id, text);
    expect(result.failed).toEqual([]);
    expect(result.created).toBeGreaterThan(0);

    const readerText = file in PLAIN_TZIDS ? plainTzids(text) : text;
    const from = await pythonEarliest(readerText);
    const to = new Date(Date.parse(from) + 365 * 86_400_000).toISOString().replace(".000Z", "Z");
    const theirs = startingIn(await pythonOccurrences(readerText, from, to), from, to);
    const ours = startingIn(await apiOccurrences(request, user, calendar.id, from, to), from, to);
    expect(theirs.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);

    // Idempotent: the same file again changes nothing.
    const again = await importText(request, user, calendar.id, text);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: result.created + result.updated + result.unchanged });
  });
}
