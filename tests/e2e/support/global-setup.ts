// Once per Playwright run: the portal's production build against a database
// of its own, with mail going to a catcher the tests read.
//  1. PostgreSQL from testServer() (the machine's, else an embedded one), a new
//     database e2e_<timestamp>, migrations applied, demo data seeded;
//  2. a mail catcher on free ports;
//  3. `next build`, unless the build is newer than every source (or E2E_SKIP_BUILD=1);
//  4. `next start` on a free port, waited for until it serves a page;
//  5. the background worker (scripts/worker.ts), which sends the mail the
//     portal queues (sign-in links among it), waited for until it is ready.
// It returns the teardown (global-teardown.ts), which undoes all of it.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../../scripts/lib/migrate";
import { buildIsCurrent } from "../../../scripts/lib/build";
import { freePort } from "../../../scripts/lib/net";
import { WORKER_ARGS, WORKER_READY } from "../../../scripts/lib/portal";
import { databaseUrl, dropDatabase, ensureDatabase, testServer } from "../../../scripts/lib/postgres";
import { startMailCatcher } from "../../../scripts/lib/mail-catcher";
import { scriptClient } from "../../../scripts/lib/prisma";
import { seedDemo } from "../../../prisma/seed";
import { HARNESS_DIR, HARNESS_ENV, HARNESS_FILE, LOCKS_DIR, SERVER_LOG, SESSIONS_DIR, WORKER_LOG, type Harness } from "./harness";
import { stopHarness, tailOf, type RunningHarness } from "./global-teardown";

const log = (line: string) => console.log(`[e2e] ${line}`);
const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
/** Databases of runs that died without their teardown are dropped once this old. */
const STALE_DATABASE_MS = 6 * 60 * 60 * 1000;
const SERVER_READY_TIMEOUT_MS = 120_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  const running: RunningHarness = {};
  for (const dir of [LOCKS_DIR, SESSIONS_DIR]) rmSync(dir, { recursive: true, force: true });
  try {
    const harness = await startHarness(running);
    for (const [key, name] of Object.entries(HARNESS_ENV)) process.env[name] = harness[key as keyof Harness];
    mkdirSync(HARNESS_DIR, { recursive: true });
    writeFileSync(HARNESS_FILE, `${JSON.stringify(harness, null, 2)}\n`);
    log(`portal ${harness.baseUrl}, mail ${harness.mailUrl} (ready in ${seconds(Date.now() - started)})`);
  } catch (error) {
    await stopHarness(running, log);
    throw error;
  }
  return () => stopHarness(running, log);
}

async function startHarness(running: RunningHarness): Promise<Harness> {
  let step = Date.now();
  const lap = (what: string) => {
    log(`${what} (${seconds(Date.now() - step)})`);
    step = Date.now();
  };

  const server = await testServer();
  running.postgres = server;
  await dropStaleDatabases(server.adminUrl);
  const database = `e2e_${Date.now()}`;
  await ensureDatabase(server.adminUrl, database);
  running.database = { adminUrl: server.adminUrl, name: database };
  const dbUrl = databaseUrl(server.adminUrl, database);
  await applyMigrations(dbUrl);
  const client = scriptClient(dbUrl);
  try {
    await seedDemo(client);
  } finally {
    await client.$disconnect();
  }
  lap(`database ${database} on ${server.embedded ? "an embedded PostgreSQL" : new URL(server.adminUrl).host}: migrated and seeded`);

  const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  running.catcher = catcher;
  const mailUrl = `http://localhost:${catcher.httpPort}`;

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const uploadDir = mkdtempSync(path.join(os.tmpdir(), "e2e-uploads-"));
  running.uploadDir = uploadDir;
  const secret = randomBytes(32).toString("base64url");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATABASE_URL: dbUrl,
    SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
    MAIL_CATCHER_URL: mailUrl,
    APP_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    AUTH_SECRET: secret,
    NEXTAUTH_SECRET: secret,
    UPLOAD_DIR: uploadDir,
    // Every test signs in from 127.0.0.1; the per-address limit stays the product's own.
    SIGN_IN_LIMIT_PER_IP: "1000",
    SIGN_IN_LIMIT_PER_ADDRESS: "5",
  };

  if (process.env.E2E_SKIP_BUILD === "1") log("E2E_SKIP_BUILD=1: using the existing build");
  else if (buildIsCurrent()) log("the production build is newer than every source: not building again");
  else {
    log("building the portal (next build) …");
    await run(process.execPath, [NEXT_BIN, "build"], env);
    lap("built");
  }
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new Error("There is no production build (.next/BUILD_ID); run without E2E_SKIP_BUILD.");

  mkdirSync(HARNESS_DIR, { recursive: true });
  const logFd = openSync(SERVER_LOG, "w");
  // Loopback only; the browser reaches it as localhost, the address the mails use.
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", logFd, logFd],
  });
  closeSync(logFd);
  running.server = child;
  await waitUntilServing(`${baseUrl}/`, child);
  lap(`next start on port ${port} serves pages (log: ${path.relative(process.cwd(), SERVER_LOG)})`);

  // Like `npm start`: the worker in a process of its own, under React's server condition.
  const workerFd = openSync(WORKER_LOG, "w");
  const worker = spawn(process.execPath, WORKER_ARGS, {
    env,
    stdio: ["ignore", workerFd, workerFd],
  });
  closeSync(workerFd);
  running.worker = worker;
  await waitUntilReady(worker);
  lap(`the worker sends mail (log: ${path.relative(process.cwd(), WORKER_LOG)})`);

  return { baseUrl, mailUrl, databaseUrl: dbUrl };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "inherit", "inherit"], env });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next ${args.slice(1).join(" ")} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
  const state: { exited: string | null } = { exited: null };
  child.once("exit", (code, signal) => (state.exited = signal ?? `exit code ${code}`));
  let last = "no answer";
  while (Date.now() < deadline) {
    if (state.exited) throw new Error(`next start stopped (${state.exited}) before serving:\n${tailOf(SERVER_LOG)}`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not serve ${url} within ${SERVER_READY_TIMEOUT_MS / 1000} s (last: ${last}):\n${tailOf(SERVER_LOG)}`);
}

const WORKER_READY_TIMEOUT_MS = 60_000;

/** Resolves once the worker logs that it is ready; fails with its log if it stops or takes too long. */
async function waitUntilReady(worker: ChildProcess): Promise<void> {
  const deadline = Date.now() + WORKER_READY_TIMEOUT_MS;
  const state: { exited: string | null } = { exited: null };
  worker.once("exit", (code, signal) => (state.exited = signal ?? `exit code ${code}`));
  while (Date.now() < deadline) {
    if (state.exited) throw new Error(`the worker stopped (${state.exited}) before it was ready:\n${tailOf(WORKER_LOG)}`);
    if (existsSync(WORKER_LOG) && WORKER_READY.test(readFileSync(WORKER_LOG, "utf8"))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the worker was not ready within ${WORKER_READY_TIMEOUT_MS / 1000} s:\n${tailOf(WORKER_LOG)}`);
}

/** Runs killed before their teardown leave databases behind; drop those older than a few hours. */
async function dropStaleDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let names: string[];
  try {
    const found = await client.query<{ datname: string }>("select datname from pg_database where datname ~ '^e2e_[0-9]+$'");
    names = found.rows.map((r) => r.datname).filter((name) => Date.now() - Number(name.slice(4)) > STALE_DATABASE_MS);
  } finally {
    await client.end();
  }
  for (const name of names) {
    await dropDatabase(adminUrl, name).catch(() => undefined);
    log(`dropped ${name}, left by an earlier run`);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
