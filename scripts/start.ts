// `npm start`: everything a fresh machine needs to serve the portal.
//  - no DATABASE_URL: an embedded PostgreSQL in .data/postgres (kept across
//    restarts) and demo data on its first start;
//  - migrations applied; demo data with --seed-demo (or SEED_DEMO=1) on a given database;
//  - no SMTP configured: a local mail catcher (an error when NODE_ENV=production);
//  - the production build, built first when the sources are newer;
//  - `--dev` runs Next's development server instead;
//  - the background worker (scripts/worker.ts: the outbox's mail, letters,
//    reminders) beside the portal, started once the portal has served its
//    first page and at a lower CPU priority (WORKER_NICE); when either stops,
//    everything stops.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { applyMigrations } from "./lib/migrate";
import { buildIsCurrent } from "./lib/build";
import { freePort } from "./lib/net";
import { lowerWorkerPriority, portalNodeOptions, WORKER_ARGS } from "./lib/portal";
import { APP_EMBEDDED_DIR, databaseUrl, ensureDatabase, startEmbeddedPostgres, type PostgresServer } from "./lib/postgres";
// Loaded only when needed (they take a quarter of a second to load, and most starts need none of them):
// the mail catcher, the Prisma client for demo data, prisma generate.

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const strict = process.env.NODE_ENV === "production";
const log = (line: string) => console.log(`[start] ${line}`);
const DATA = path.join(process.cwd(), ".data");

function fail(message: string): never {
  console.error(`[start] ${message}`);
  process.exit(1);
}

function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL || process.env.SMTP_HOST);
}

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(" ")} exited with ${code}`))));
  });
}

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (strict) fail("AUTH_SECRET must be set in production (a long random string).");
  // Local use: one generated secret, kept so sessions survive restarts.
  const file = path.join(DATA, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  env.APP_URL ??= `http://localhost:${port}`;
  if (strict && !process.env.APP_URL) fail("APP_URL must be set in production (the portal's public address).");
  env.NEXTAUTH_URL ??= env.APP_URL;
  env.NEXT_TELEMETRY_DISABLED ??= "1";
  env.AUTH_SECRET = authSecret();
  env.NEXTAUTH_SECRET ??= env.AUTH_SECRET;

  if (!existsSync(path.join("lib", "generated", "prisma", "client.ts"))) (await import("./prisma-generate")).generatePrismaClient();

  let pgServer: PostgresServer | null = null;
  let seed = args.has("--seed-demo") || process.env.SEED_DEMO === "1";
  if (!process.env.DATABASE_URL) {
    if (strict) fail("DATABASE_URL must be set in production.");
    const pgPort = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
    log(`no DATABASE_URL: starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), APP_EMBEDDED_DIR)}, port ${pgPort})`);
    pgServer = await startEmbeddedPostgres({ dataDir: APP_EMBEDDED_DIR, port: pgPort });
    await ensureDatabase(pgServer.adminUrl, "utbytesbidrag");
    env.DATABASE_URL = databaseUrl(pgServer.adminUrl, "utbytesbidrag");
    seed = true; // demo data on the embedded database's first start only (checked below)
  }

  const applied = await applyMigrations(env.DATABASE_URL!, log);
  if (!applied.length) log("database schema is up to date");

  if (seed) {
    const [{ scriptClient }, { isSeeded, seedDemo }] = await Promise.all([import("./lib/prisma"), import("../prisma/seed")]);
    const client = scriptClient(env.DATABASE_URL!);
    try {
      if (await isSeeded(client)) log("database already has data: demo data not loaded again");
      else {
        await seedDemo(client);
        log("demo data loaded (Piteå's rules; sign in as samordnare@pitea.example, admin@pitea.example or anna@grindavikvanner.example)");
      }
    } finally {
      await client.$disconnect();
    }
  }

  // No SMTP: a local mail catcher. Only the worker sends mail, so the catcher
  // starts with it, after the portal's first page; the portal only links to it,
  // so its ports are chosen now (port 0: a free one).
  let catcherPorts: { smtpPort: number; httpPort: number } | null = null;
  if (!smtpConfigured()) {
    if (strict) fail("SMTP is not configured: set SMTP_URL (or SMTP_HOST and friends) in production.");
    const port = async (value: string | undefined, fallback: number) => Number(value ?? fallback) || (await freePort());
    catcherPorts = { smtpPort: await port(process.env.MAIL_CATCHER_SMTP_PORT, 1025), httpPort: await port(process.env.MAIL_CATCHER_HTTP_PORT, 1080) };
    env.SMTP_URL = `smtp://127.0.0.1:${catcherPorts.smtpPort}`;
    env.MAIL_CATCHER_URL = `http://localhost:${catcherPorts.httpPort}`;
  }

  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  if (!dev && !buildIsCurrent()) {
    log("building the portal (first start or sources changed) …");
    await run(process.execPath, [nextBin, "build"], { ...env, NODE_ENV: "production" });
  }

  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, dev ? "dev" : "start", "-p", String(port), "-H", host],
    { stdio: "inherit", env: { ...env, NODE_ENV: dev ? "development" : "production", ...(dev ? {} : { NODE_OPTIONS: portalNodeOptions(env) }) } },
  );
  log(`portal at ${env.APP_URL}`);

  let catcher: { stop: () => Promise<void> } | null = null;
  let worker: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The worker finishes the mails it is sending; both need the database until they have exited.
    await Promise.all([stopChild(child), worker ? stopChild(worker) : undefined]);
    await catcher?.stop();
    await pgServer?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));

  // The worker starts once the portal has served its first page, and runs at a
  // lower CPU priority: on a small machine, starting it beside Next.js delayed
  // the first page, and mail and letters can wait for pages, not the other way
  // round. Nothing waits on it meanwhile: mail stays in the outbox until it runs.
  // The catcher runs in this process; the worker is spawned only while nothing is stopping, so none outlives it.
  const answered = await portalAnswered(host, port, () => stopping);
  if (stopping) return;
  if (!answered) log("the portal has not served its start page within a minute: starting the worker anyway");
  if (catcherPorts) {
    try {
      const { startMailCatcher } = await import("./lib/mail-catcher");
      catcher = await startMailCatcher(catcherPorts);
    } catch (error) {
      console.error(`[start] the mail catcher could not start (${error instanceof Error ? error.message : String(error)}): is another one on ports ${catcherPorts.smtpPort} and ${catcherPorts.httpPort}? Set MAIL_CATCHER_SMTP_PORT and MAIL_CATCHER_HTTP_PORT, or SMTP_URL.`);
      return stop(1);
    }
    log(`no SMTP configured: mail goes to the local mail catcher; read it at ${env.MAIL_CATCHER_URL}`);
  }
  if (stopping) return;
  // In a process of its own, as `npm run worker` runs it (React's server condition for its modules).
  const started: ChildProcess = spawn(process.execPath, WORKER_ARGS, { stdio: "inherit", env });
  worker = started;
  lowerWorkerPriority(started.pid, (line) => log(line));
  started.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[start] the background worker stopped (${signal ?? `exit code ${code}`}): no mail would be sent, so the portal stops too.`);
    void stop(code || 1);
  });
}

/**
 * Whether the portal serves pages: it answers a static file, then its start
 * page (whose first rendering loads the page modules, which is what makes a
 * first page slow), asked where it listens (any address: this machine's
 * loopback). False after a minute without an answer, or when `gaveUp` says so.
 */
async function portalAnswered(host: string, port: number, gaveUp: () => boolean): Promise<boolean> {
  const address = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host;
  const deadline = Date.now() + 60_000;
  for (const file of ["/icon.svg", "/"]) {
    for (;;) {
      if (gaveUp() || Date.now() > deadline) return false;
      try {
        const res = await fetch(`http://${address}:${port}${file}`, { redirect: "manual" });
        await res.arrayBuffer();
        break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return true;
}

/** SIGTERM, then SIGKILL if it has not exited within 20 s; resolves once it has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
