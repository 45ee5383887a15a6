// Runs once when the server starts: check the environment, apply pending database migrations, then serve.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // An invalid variable stops the server here, naming it, rather than misbehaving later (lib/env.ts).
  const { envAtBoot } = await import("./lib/env.ts");
  const settings = envAtBoot();
  const { migrate } = await import("./lib/db/migrate.ts");
  const applied = await migrate();
  if (applied.length) console.log(`sweetdate: applied migrations ${applied.join(", ")}`);
  // Subscribed calendars (SPEC §12) are refreshed in the background.
  const { startSubscriptionScheduler } = await import("./lib/services/subscriptions.ts");
  startSubscriptionScheduler();
  // Sync tombstones and the change log are kept SYNC_RETENTION_DAYS (default 30), then pruned.
  const { pruneChangeLog } = await import("./lib/db/change-log.ts");
  const days = settings.SYNC_RETENTION_DAYS;
  const prune = () => pruneChangeLog(new Date(Date.now() - days * 86_400_000)).catch((error) => console.error("sweetdate: pruning the change log failed", error));
  void prune();
  setInterval(prune, 3_600_000).unref();
}
