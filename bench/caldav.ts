// SPEC §10/§13: CalDAV on the benchmark's 100k-event calendar — a month's calendar-query REPORT
// (timed beside Radicale's in bench/radicale.ts) and a sync-collection round after one change.
const QUERY = `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="20260301T000000Z" end="20260401T000000Z"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>`;

const syncBody = (token: string) =>
  `<?xml version="1.0" encoding="utf-8"?><D:sync-collection xmlns:D="DAV:"><D:sync-token>${token}</D:sync-token><D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface CalDavTarget {
  base: string;
  email: string;
  token: string;
  userUuid: string;
  calendarUuid: string;
}

function client(t: CalDavTarget) {
  const collection = `${t.base}/dav/calendars/${t.userUuid}/${t.calendarUuid}/`;
  const headers = { authorization: `Basic ${Buffer.from(`${t.email}:${t.token}`).toString("base64")}`, "content-type": "application/xml; charset=utf-8" };
  const report = async (body: string, depth = "1") => {
    const response = await fetch(collection, { method: "REPORT", headers: { ...headers, depth }, body });
    const text = await response.text();
    if (response.status !== 207) throw new Error(`REPORT answered ${response.status}: ${text.slice(0, 200)}`);
    return text;
  };
  return { report };
}

/** Our month calendar-query, once (for the side-by-side with Radicale); returns the number of objects. */
export function calDavMonthQuery(t: CalDavTarget): () => Promise<number> {
  const { report } = client(t);
  return async () => ((await report(QUERY)).match(/<d:response>/g) ?? []).length;
}

/** Median time of a sync-collection round that carries exactly one changed event. */
export async function davSyncAfterOneChange(t: CalDavTarget, rounds = 30): Promise<string> {
  const { report } = client(t);
  const tokenOf = (text: string) => /<d:sync-token>([^<]+)<\/d:sync-token>/.exec(text)?.[1] ?? "";
  const api = `${t.base}/api/v1/calendars/${t.calendarUuid}/events`;
  const bearer = { authorization: `Bearer ${t.token}`, "content-type": "application/json" };
  const created = (await (await fetch(api, { method: "POST", headers: bearer, body: JSON.stringify({ title: "Sync bench", starts_at: "2026-03-15T10:00:00Z", ends_at: "2026-03-15T11:00:00Z" }) })).json()) as { event: { id: string } };
  let token = tokenOf(await report(syncBody(""), "1"));
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const put = await fetch(`${api}/${created.event.id}`, { method: "PUT", headers: bearer, body: JSON.stringify({ title: `Sync bench ${i}` }) });
    if (put.status !== 200) throw new Error(`PUT answered ${put.status}`);
    const t0 = performance.now();
    const text = await report(syncBody(token));
    times.push(performance.now() - t0);
    const changed = (text.match(/<d:response>/g) ?? []).length;
    if (changed !== 1) throw new Error(`expected one changed object, got ${changed}`);
    token = tokenOf(text);
  }
  return `| CalDAV \`sync-collection\` after one change (100k events stored) | ${median(times).toFixed(1)} ms median, ${Math.max(...times).toFixed(1)} ms max | ${rounds} rounds | target ≤ 20 ms |`;
}
