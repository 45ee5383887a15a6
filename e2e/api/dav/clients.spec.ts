// Real CalDAV clients against the built app (SPEC §13): Debian's vdirsyncer (two-way sync with a
// local vdir) and khal (reading what vdirsyncer wrote), Debian's python3-caldav, and tsdav from npm.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createDAVClient } from "tsdav";
import { EventEnvelope, EventsEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { BASE_URL, expectBody, newCalendar, newUser } from "../../helpers.ts";

const run = promisify(execFile);
const HERE = path.dirname(new URL(import.meta.url).pathname);
const have = (bin: string) => fs.existsSync(bin);

async function exec(bin: string, args: string[], env: Record<string, string> = {}, input?: string) {
  const child = run(bin, args, { env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    return await child;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${bin} ${args.join(" ")} failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

async function seeded(request: APIRequestContext, name: string) {
  const user = await newUser(request, { name });
  const calendar = await newCalendar(request, user, { name: `${name} calendar`, time_zone: "Europe/Berlin" });
  const api = `/api/v1/calendars/${calendar.id}/events`;
  return { user, calendar, api };
}

test("python3-caldav – discovers the principal, finds the calendar, searches a month with the recurrence expanded, writes, edits and deletes", async ({ request }) => {
  test.skip(!have("/usr/bin/python3") || !fs.existsSync("/usr/lib/python3/dist-packages/caldav"), "apt-get install -y python3-caldav");
  const { user, calendar, api } = await seeded(request, "Python");
  await expectBody(await request.post(api, { headers: user.auth, data: { title: "Seeded by the API", starts_at: "2026-03-20T10:00:00Z", ends_at: "2026-03-20T11:00:00Z" } }), 201, EventEnvelope);
  const { stdout } = await exec("/usr/bin/python3", [path.join(HERE, "clients/python_caldav.py"), `${BASE_URL}/dav/`, user.email, user.token, calendar.name]);
  const result = JSON.parse(stdout.trim().split("\n").pop()!);
  expect(result.ok, stdout).toBe(true);
  // What the client wrote is what the API shows.
  const { events } = await expectBody(await request.get(`${api}?limit=100`, { headers: user.auth }), 200, EventsEnvelope);
  expect(events.map((e) => e.title).sort()).toEqual(["Python weekly (renamed)", "Seeded by the API"]);
  const weekly = events.find((e) => e.title.startsWith("Python weekly"))!;
  expect(weekly).toMatchObject({ time_zone: "Europe/Berlin", starts_at: "2026-03-02T08:00:00Z", rrule: "FREQ=WEEKLY;COUNT=6" });
});

test("tsdav – discovery, fetchCalendars, fetchCalendarObjects and syncCollection after a change made through the API", async ({ request }) => {
  const { user, calendar, api } = await seeded(request, "Tsdav");
  const { event } = await expectBody(await request.post(api, { headers: user.auth, data: { title: "First", starts_at: "2026-03-02T08:00:00Z", ends_at: "2026-03-02T09:00:00Z" } }), 201, EventEnvelope);
  const client = await createDAVClient({ serverUrl: `${BASE_URL}/dav/`, credentials: { username: user.email, password: user.token }, authMethod: "Basic", defaultAccountType: "caldav" });
  const calendars = await client.fetchCalendars();
  const mine = calendars.find((c) => c.displayName === calendar.name);
  expect(mine, JSON.stringify(calendars)).toBeTruthy();
  const objects = await client.fetchCalendarObjects({ calendar: mine! });
  expect(objects.map((o) => o.url)).toEqual([expect.stringContaining(`${event.id}.ics`)]);
  expect(objects[0]!.data).toContain("SUMMARY:First");

  const first = await client.syncCollection({ url: mine!.url, props: { "d:getetag": {} }, syncLevel: 1, syncToken: "" });
  expect(first.filter((r) => r.href).length).toBe(1);
  const token = mine!.syncToken ?? (await client.fetchCalendars()).find((c) => c.url === mine!.url)!.syncToken;
  expect(token).toBeTruthy();
  await expectBody(await request.post(api, { headers: user.auth, data: { title: "Second", starts_at: "2026-03-03T08:00:00Z", ends_at: "2026-03-03T09:00:00Z" } }), 201, EventEnvelope);
  const delta = await client.syncCollection({ url: mine!.url, props: { "d:getetag": {} }, syncLevel: 1, syncToken: token as string });
  const changed = delta.filter((r) => r.href);
  expect(changed).toHaveLength(1);
  expect(changed[0]!.href).not.toContain(event.id);
});

test("vdirsyncer + khal – two-way sync with a local vdir: create, edit and delete on each side, the override inside its series file", async ({ request }) => {
  test.skip(!have("/usr/bin/vdirsyncer") || !have("/usr/bin/khal"), "apt-get install -y vdirsyncer khal");
  const { user, calendar, api } = await seeded(request, "Vdir");
  const series = await expectBody(
    await request.post(api, { headers: user.auth, data: { title: "Team sync", starts_at: "2026-03-02T09:00:00Z", ends_at: "2026-03-02T09:30:00Z", time_zone: "Europe/Berlin", rrule: "FREQ=WEEKLY;COUNT=4" } }),
    201,
    EventEnvelope,
  );
  await expectBody(await request.put(`${api}/${series.event.id}_20260309T090000Z?scope=this`, { headers: user.auth, data: { title: "Team sync (moved)", starts_at: "2026-03-10T09:00:00Z", ends_at: "2026-03-10T09:30:00Z" } }), 200, EventEnvelope);
  const doomed = await expectBody(await request.post(api, { headers: user.auth, data: { title: "Delete me remotely", starts_at: "2026-03-04T12:00:00Z", ends_at: "2026-03-04T13:00:00Z" } }), 201, EventEnvelope);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sd-vdir-"));
  const vdir = path.join(dir, "vdir");
  fs.writeFileSync(
    path.join(dir, "config"),
    `[general]
status_path = "${dir}/status/"

[pair sd]
a = "sd_local"
b = "sd_remote"
collections = ["from b"]
conflict_resolution = "b wins"

[storage sd_local]
type = "filesystem"
path = "${vdir}/"
fileext = ".ics"

[storage sd_remote]
type = "caldav"
url = "${BASE_URL}/dav/"
username = "${user.email}"
password = "${user.token}"
`,
  );
  const env = { VDIRSYNCER_CONFIG: path.join(dir, "config"), HOME: dir };
  await exec("/usr/bin/vdirsyncer", ["discover", "sd"], env, "y\ny\ny\n");
  await exec("/usr/bin/vdirsyncer", ["sync"], env);
  const local = path.join(vdir, calendar.id);
  const files = () => fs.readdirSync(local).sort();
  expect(files()).toEqual([`${doomed.event.id}.ics`, `${series.event.id}.ics`].sort());
  const seriesFile = fs.readFileSync(path.join(local, `${series.event.id}.ics`), "utf8");
  expect(seriesFile.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(seriesFile).toContain("RECURRENCE-ID");

  // khal reads the vdir vdirsyncer wrote: the series expanded, the moved occurrence on its new day.
  fs.writeFileSync(
    path.join(dir, "khal.conf"),
    `[calendars]
[[sd]]
path = ${local}/
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC
[default]
default_calendar = sd
`,
  );
  const listed = (await exec("/usr/bin/khal", ["-c", path.join(dir, "khal.conf"), "list", "--format", "{start} {title}", "2026-03-01", "2026-03-31"], { HOME: dir, TZ: "UTC" })).stdout;
  expect(listed).toContain("2026-03-02 09:00 Team sync");
  expect(listed).toContain("2026-03-10 09:00 Team sync (moved)");
  expect(listed).not.toContain("2026-03-09 09:00 Team sync");
  expect(listed).toContain("2026-03-16 09:00 Team sync");

  // Local side: edit the series file's title, delete the single event, add a new event.
  fs.writeFileSync(path.join(local, `${series.event.id}.ics`), seriesFile.replace(/SUMMARY:Team sync(\r?\n)/, "SUMMARY:Team sync (renamed locally)$1"));
  fs.rmSync(path.join(local, `${doomed.event.id}.ics`));
  fs.writeFileSync(
    path.join(local, "local-new.ics"),
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:local-new@example.test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260320T150000Z\r\nDTEND:20260320T160000Z\r\nSUMMARY:Made in the vdir\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
  );
  await exec("/usr/bin/vdirsyncer", ["sync"], env);
  let { events } = await expectBody(await request.get(`${api}?limit=100`, { headers: user.auth }), 200, EventsEnvelope);
  expect(events.map((e) => e.title).sort()).toEqual(["Made in the vdir", "Team sync (renamed locally)"]);
  const window = (await expectBody(await request.get(`${api}?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&limit=100`, { headers: user.auth }), 200, EventsEnvelope)).events;
  expect(window.map((e) => `${e.starts_at} ${e.title}`)).toContain("2026-03-10T09:00:00Z Team sync (moved)");

  // Remote side: edit, delete and create through the API; the vdir follows.
  const made = events.find((e) => e.title === "Made in the vdir")!;
  await expectBody(await request.put(`${api}/${made.id}`, { headers: user.auth, data: { title: "Made in the vdir, edited remotely" } }), 200, EventEnvelope);
  expect((await request.delete(`${api}/${series.event.id}?scope=all`, { headers: user.auth })).status()).toBe(200);
  const remote = await expectBody(await request.post(api, { headers: user.auth, data: { title: "Made remotely", starts_at: "2026-03-21T08:00:00Z", ends_at: "2026-03-21T09:00:00Z" } }), 201, EventEnvelope);
  await exec("/usr/bin/vdirsyncer", ["sync"], env);
  const contents = files().map((f) => fs.readFileSync(path.join(local, f), "utf8"));
  expect(files()).toHaveLength(2);
  expect(contents.some((c) => c.includes("SUMMARY:Made in the vdir\\, edited remotely") || c.includes("SUMMARY:Made in the vdir, edited remotely"))).toBe(true);
  expect(contents.some((c) => c.includes(`UID:${remote.event.id}`))).toBe(true);
  expect(contents.some((c) => c.includes("Team sync"))).toBe(false);
  ({ events } = await expectBody(await request.get(`${api}?limit=100`, { headers: user.auth }), 200, EventsEnvelope));
  expect(events).toHaveLength(2);
  fs.rmSync(dir, { recursive: true, force: true });
});
