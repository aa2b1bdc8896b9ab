// `npm run worker`: the background worker alone (lib/jobs/worker.ts): it sends
// the mail in the outbox, with retries, and queues the reminders that are due.
// `npm start` runs it beside the portal; run more of them for more throughput
// or availability: they share the database and each mail still goes out once.
//
// Run under React's server condition (`tsx --conditions=react-server
// scripts/worker.ts`): the modules it loads start with `import "server-only"`.
//
// Without DATABASE_URL it uses the embedded PostgreSQL of `npm start`
// (.data/postgres), starting it if it is not running. With NODE_ENV=production
// it refuses to start without DATABASE_URL or without SMTP.
import { appDatabase, type PostgresServer } from "./lib/postgres";

const strict = process.env.NODE_ENV === "production";
const log = (line: string) => console.log(`[worker] ${line}`);

function fail(message: string): never {
  console.error(`[worker] ${message}`);
  process.exit(1);
}

async function main() {
  if (strict && !process.env.DATABASE_URL) fail("DATABASE_URL must be set in production.");
  const { url, server } = await appDatabase(log);
  let postgres: PostgresServer | null = server;

  // Loaded after DATABASE_URL is set: lib/db reads it on load.
  const [{ startWorker, consoleLog }, { workerSettingsFromEnv }, { getMailConfig }] = await Promise.all([
    import("../lib/jobs/worker"),
    import("../lib/jobs/config"),
    import("../lib/mail/transport"),
  ]);
  const mail = getMailConfig();
  if (!mail.configured) {
    const what = [...mail.missing.map((m) => `missing ${m}`), ...mail.invalid.map((m) => `invalid ${m}`)].join("; ");
    if (strict) fail(`SMTP is not configured (${what}): set SMTP_URL (or SMTP_HOST and friends) in production.`);
    // Mails wait (and are retried) until it is; nothing is lost.
    consoleLog.warn(`SMTP is not configured (${what}): mails are retried until it is. Set SMTP_URL, e.g. smtp://127.0.0.1:1025 for the mail catcher.`);
  }
  const settings = workerSettingsFromEnv(process.env);
  const stop = await startWorker({ databaseUrl: url, ...settings, log: consoleLog });
  log(
    `ready: sending the outbox's mail (${mail.configured ? `SMTP ${mail.host}:${mail.port}` : "no SMTP yet"}; ` +
      `${settings.retryLimit} retries from ${settings.retryDelaySeconds} s${settings.retryBackoff ? ", doubling" : ""}), reminders hourly`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the mails being sent, then stopping`);
    try {
      await stop();
      await postgres?.stop();
      postgres = null;
      process.exit(0);
    } catch (error) {
      fail(`stopping failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  // A bad setting is said in one line; anything else with its stack.
  if (error instanceof Error && error.name === "WorkerConfigError") fail(error.message);
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
