// A minimal sync client for the tests: pages through rounds and applies deltas to a local copy.
import { expect, type APIRequestContext } from "@playwright/test";
import { SyncEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, type TestUser } from "../../helpers.ts";

export type SyncItem = SyncEnvelope["events"][number];
export type SyncEvent = Extract<SyncItem, { title: string }>;
type SyncEnvelope = import("zod").z.infer<typeof SyncEnvelope>;

/** One whole round (every page) from `token` ("" = full); null when the server says 410. */
export async function syncRound(request: APIRequestContext, user: TestUser, calendarId: string, token: string, limit = 7): Promise<{ items: SyncItem[]; next: string } | null> {
  const items: SyncItem[] = [];
  for (let offset = 0; ; offset += limit) {
    const response = await request.get(`/api/v1/calendars/${calendarId}/events?sync_token=${encodeURIComponent(token)}&limit=${limit}&offset=${offset}`, { headers: user.auth });
    if (response.status() === 410) return null;
    const page = await expectBody(response, 200, SyncEnvelope);
    items.push(...page.events);
    if (page.meta.next_sync_token) return { items, next: page.meta.next_sync_token };
    expect(page.events.length, "a page without next_sync_token is a full page").toBe(limit);
  }
}

/** A client holding only what sync told it. */
export class SyncReplica {
  items = new Map<string, SyncItem>();
  token = "";
  fullRounds = 0;
  constructor(
    private readonly request: APIRequestContext,
    private readonly user: TestUser,
    private readonly calendarId: string,
  ) {}

  async pull(): Promise<void> {
    let round = await syncRound(this.request, this.user, this.calendarId, this.token);
    if (!round) {
      // 410: the token expired (e.g. the caller's access changed): start over.
      this.items.clear();
      this.token = "";
      round = (await syncRound(this.request, this.user, this.calendarId, ""))!;
    }
    if (this.token === "") this.fullRounds += 1;
    for (const item of round.items) {
      if ("deleted" in item) this.items.delete(item.id);
      else this.items.set(item.id, item);
    }
    this.token = round.next;
  }
}

/** What a fresh full round shows, by id. */
export async function fullState(request: APIRequestContext, user: TestUser, calendarId: string): Promise<Map<string, SyncEvent>> {
  const round = (await syncRound(request, user, calendarId, "", 100))!;
  const events = round.items.filter((i): i is SyncEvent => !("deleted" in i));
  expect(events).toHaveLength(round.items.length);
  return new Map(events.map((i) => [i.id, i]));
}
