// Shared by the iCalendar specs: the independent Python reader and our API's window list, in one shape.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { APIRequestContext } from "@playwright/test";
import { EventsEnvelope, ImportEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, type TestUser } from "../../helpers.ts";

const run = promisify(execFile);
export const PYTHON = process.env.PYTHON_ICAL ?? "/usr/bin/python3";
const EXPAND = path.resolve(import.meta.dirname, "../../fixtures/ical/expand.py");

export interface Occ {
  start: string;
  end: string;
  summary: string;
}

const day = (iso: string) => iso.slice(0, 10);

/** What recurring_ical_events expands from `text` over [from, to) (all-day as dates). */
export async function pythonOccurrences(text: string, from: string, to: string, floatingZone = "UTC"): Promise<Occ[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sweetdate-ics-")), "calendar.ics");
  fs.writeFileSync(file, text);
  try {
    const { stdout } = await run(PYTHON, [EXPAND, file, from, to, floatingZone], { maxBuffer: 64 * 1024 * 1024 });
    return (JSON.parse(stdout) as (Occ & { all_day: boolean })[]).map(({ start, end, summary }) => ({ start, end, summary }));
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

export async function pythonEarliest(text: string): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sweetdate-ics-")), "calendar.ics");
  fs.writeFileSync(file, text);
  try {
    const { stdout } = await run(PYTHON, [EXPAND, file, "--earliest"]);
    return JSON.parse(stdout) as string;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** Our API's window list (every page), in the reader's shape: all-day events as dates. */
export async function apiOccurrences(request: APIRequestContext, user: TestUser, calendarId: string, from: string, to: string): Promise<Occ[]> {
  const out: Occ[] = [];
  for (let offset = 0; ; offset += 100) {
    const url = `/api/v1/calendars/${calendarId}/events?from=${from}&to=${to}&limit=100&offset=${offset}`;
    const { events, meta } = await expectBody(await request.get(url, { headers: user.auth }), 200, EventsEnvelope);
    for (const e of events) out.push(e.all_day ? { start: day(e.starts_at), end: day(e.ends_at), summary: e.title } : { start: e.starts_at, end: e.ends_at, summary: e.title });
    if (offset + 100 >= meta.total) break;
  }
  return sortOcc(out);
}

export function sortOcc(list: Occ[]): Occ[] {
  return [...list].sort((a, b) => a.start.localeCompare(b.start) || a.summary.localeCompare(b.summary) || a.end.localeCompare(b.end));
}

/** Occurrences starting inside [from, to): both readers agree on which overlap a window's edges differently. */
export function startingIn(list: Occ[], from: string, to: string): Occ[] {
  const f = Date.parse(from);
  const t = Date.parse(to);
  return sortOcc(list.filter((o) => {
    const at = Date.parse(o.start.length === 10 ? `${o.start}T00:00:00Z` : o.start);
    return at >= f && at < t;
  }));
}

export async function importText(request: APIRequestContext, user: TestUser, calendarId: string, text: string) {
  const response = await request.post(`/api/v1/calendars/${calendarId}/import`, { headers: { ...user.auth, "content-type": "text/calendar" }, data: text });
  return (await expectBody(response, 200, ImportEnvelope)).import;
}

export async function exportText(request: APIRequestContext, user: TestUser, calendarId: string): Promise<string> {
  const response = await request.get(`/api/v1/calendars/${calendarId}/ics`, { headers: user.auth });
  if (response.status() !== 200) throw new Error(`export: ${response.status()} ${await response.text()}`);
  return response.text();
}
