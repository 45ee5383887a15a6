// Reads Server-Sent Events over real HTTP (Node's fetch), frame by frame, for the stream tests.
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";

export interface Frame {
  event: string;
  id: string | null;
  data: string;
  comment: boolean;
  at: number;
}

export class SseClient {
  frames: Frame[] = [];
  private waiters: (() => void)[] = [];
  private readonly controller = new AbortController();
  status = 0;
  headers = new Headers();

  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: client.controller.signal });
    client.status = response.status;
    client.headers = response.headers;
    if (response.ok && response.body) void client.read(response.body);
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) break;
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Frame = { event: "message", id: null, data: "", comment: false, at: Date.now() };
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) frame.comment = true;
            else if (line.startsWith("event: ")) frame.event = line.slice(7);
            else if (line.startsWith("id: ")) frame.id = line.slice(4);
            else if (line.startsWith("data: ")) frame.data += line.slice(6);
          }
          this.frames.push(frame);
          for (const wake of this.waiters.splice(0)) wake();
        }
      }
    } catch {
      /* aborted */
    }
  }

  /** Waits (up to `ms`) for a frame matching `match` received after index `from`. */
  async next(match: (f: Frame) => boolean, from = 0, ms = 15_000): Promise<Frame> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(this.frames.map((f) => f.event + (f.data ? ` ${f.data}` : "")))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close() {
    this.controller.abort();
  }
}

export const changeFor = (calendarId: string) => (f: Frame) => f.event === "change" && (JSON.parse(f.data) as { calendar_id: string }).calendar_id === calendarId;

const root = path.resolve(import.meta.dirname, "../../..");

/** The throw-away database the e2e server of this run uses (written by scripts/e2e-server.mjs). */
export function e2eDatabaseUrl(): string {
  const file = path.join(root, "data", `e2e-server-${process.env.E2E_PORT ?? 3999}.json`);
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { databaseUrl: string }).databaseUrl;
}

/** Starts a second app instance on the same database; resolves once it answers. */
export async function startInstance(port: number): Promise<{ url: string; stop: () => Promise<void>; process: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(root, "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), NEXT_TELEMETRY_DISABLED: "1", RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? "100000" },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the second instance exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet listening */
    }
    if (i > 600) throw new Error("the second instance did not start within 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
