// Which database the process talks to, decided once from DATABASE_URL (no rebuild to switch).
import path from "node:path";

export type Provider = "sqlite" | "postgres";

export interface DbConfig {
  provider: Provider;
  url: string;
  /** SQLite: absolute path of the database file. */
  file?: string;
}

export function dbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim() || "file:./data/sweetdate.db";
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgres", url };
  const file = path.resolve(url.replace(/^file:/, ""));
  return { provider: "sqlite", url: `file:${file}`, file };
}
