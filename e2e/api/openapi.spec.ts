// The OpenAPI document and the reference page, against the built server: valid OpenAPI 3.1, in step
// with the route handlers that exist (both directions), with docs/openapi.json, and with /docs/api.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { validateOpenApi } from "../../lib/api/openapi/validate.ts";
import { newUser } from "../helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string }>>;
}

/** `app/api/v1/calendars/[calendar_id]/route.ts` → `/api/v1/calendars/{calendar_id}`, with its exported methods. */
function routeHandlers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
        const segments = path.relative(path.join(ROOT, "app"), dir).split(path.sep);
        const urlPath = `/${segments
          .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@")) // route groups and slots are not in the URL
          .map((s) => s.replace(/^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/, "{$1}"))
          .join("/")}`;
        for (const method of exportedMethods(fs.readFileSync(full, "utf8"))) found.push(`${method} ${urlPath}`);
      }
    }
  };
  walk(path.join(ROOT, "app/api"));
  walk(path.join(ROOT, "app/feeds")); // private iCalendar feeds live outside /api (SPEC §12)
  return found.sort();
}

function exportedMethods(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  const names = new Set<string>();
  for (const m of code.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name);
    }
  }
  for (const m of code.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+([A-Z]+)\b/g)) names.add(m[1]!);
  return [...names].filter((n) => METHODS.includes(n));
}

async function fetchDocument(request: import("@playwright/test").APIRequestContext, headers: Record<string, string> = {}) {
  const response = await request.get("/api/v1/openapi.json", { headers });
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  return (await response.json()) as Doc;
}

test("GET /api/v1/openapi.json – public (no auth, even with a bad token) and valid OpenAPI 3.1", async ({ request }) => {
  const doc = await fetchDocument(request);
  expect(doc.openapi).toBe("3.1.0");
  expect(validateOpenApi(doc)).toEqual([]);
  expect(await fetchDocument(request, { Authorization: "Bearer not-a-token" })).toEqual(doc);
});

test("GET /api/v1/openapi.json – every route handler under app/api is documented, and every documented operation has a handler", async ({ request }) => {
  const doc = await fetchDocument(request);
  const documented = Object.entries(doc.paths)
    .flatMap(([p, item]) => Object.keys(item).filter((k) => METHODS.includes(k.toUpperCase())).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();
  const handlers = routeHandlers();
  expect(handlers.length).toBeGreaterThan(20);
  expect(handlers.filter((h) => !documented.includes(h)), "handlers without a contract doc (lib/api/<dialect>/*.ts)").toEqual([]);
  expect(documented.filter((d) => !handlers.includes(d)), "documented operations without a handler").toEqual([]);
});

test("GET /api/v1/openapi.json – docs/openapi.json is the same document (run `npm run openapi` after changing schemas or routes)", async ({ request }) => {
  const served = await fetchDocument(request);
  const committed = JSON.parse(fs.readFileSync(path.join(ROOT, "docs/openapi.json"), "utf8"));
  expect(committed).toEqual(served);
});

test("GET /docs/api – server-rendered reference: every operation and schema, no external assets", async ({ request }) => {
  const doc = await fetchDocument(request);
  const response = await request.get("/docs/api");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/html");
  const html = await response.text();
  expect(html).toContain("<h1>SweetDate API reference</h1>");
  expect(html).toContain('<main id="main"');
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const operation of Object.values(item)) {
      expect(html, `${operation.operationId} is on the page`).toContain(`id="op-${operation.operationId}"`);
      expect(html).toContain(`<code>${p}</code>`);
    }
  }
  for (const name of Object.keys((doc as unknown as { components: { schemas: object } }).components.schemas)) expect(html).toContain(`id="schema-${name}"`);
  // Nothing is loaded from another host (links in text are fine; assets are not).
  const assets = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(assets.filter((url) => /^(https?:)?\/\//.test(url))).toEqual([]);
});

test("Kona problemType URLs point at anchors that exist on /docs/api", async ({ request }) => {
  const user = await newUser(request);
  const problems = [
    await request.get("/api/calendar_events/2147483647", { headers: user.auth }),
    await request.get("/api/calendar_events?per_page=500", { headers: user.auth }),
    await request.post("/api/spaces", { headers: user.auth, data: { spaces: [{ name: 42 }] } }),
  ];
  const html = await (await request.get("/docs/api")).text();
  for (const response of problems) {
    const { problemType } = (await response.json()) as { problemType: string };
    const url = new URL(problemType);
    expect(url.pathname).toBe("/docs/api");
    expect(html, `${problemType} (HTTP ${response.status()})`).toContain(`id="${url.hash.slice(1)}"`);
  }
});

test("GET /docs/api – accessible (axe) and readable on a phone", async ({ page }) => {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "SweetDate API reference" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Contents" })).toBeVisible();
  // Every block is one of a few components; axe over one of each keeps this fast on a 7k-element page
  // (the whole page is axe-clean too, at 1280 and 390 px, but that takes ~40 s on this machine).
  const sample = ["main > h1", "nav", "#op-createCalendarEvent", "#op-listCalendarEvents", "#op-konaCreateCalendarEvent", 'section[aria-label="Kona errors"]', "#schema-Event"];
  let axe = new AxeBuilder({ page });
  for (const selector of sample) axe = axe.include(selector);
  const { violations } = await axe.analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  // Page-wide: ids are unique (anchors), headings do not skip levels.
  const { duplicateIds, skips } = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const levels = [...document.querySelectorAll("main h1, main h2, main h3, main h4, main h5")].map((h) => Number(h.tagName[1]));
    return { duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i), skips: levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1).length };
  });
  expect(duplicateIds).toEqual([]);
  expect(skips).toBe(0);
  // Wide tables scroll inside their own box; the page itself does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
});
