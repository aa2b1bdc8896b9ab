import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process; Next's dev server reloads modules, so keep it global.
const globalForDb = globalThis as unknown as { db?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // Session settings (DATABASE_OPTIONS; empty: none, as a connection pooler such as PgBouncer
  // may require). By default JIT off: PostgreSQL compiles a query once its estimated cost passes
  // a threshold, which aggregates over many rows reach, and for the portal's short queries
  // compiling took longer than running (21 ms against 3 ms for the start page's report obligations, tests/perf).
  const options = process.env.DATABASE_OPTIONS ?? "-c jit=off";
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), ...(options ? { options } : {}) });
  if (process.env.DATABASE_LOG_QUERIES !== "1") return new PrismaClient({ adapter });
  // Every statement and its parameters as one JSON line on stdout, for diagnosis
  // and for the benchmark's EXPLAIN check (tests/perf/explain.ts).
  const logging = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  logging.$on("query", (e) => process.stdout.write(`${JSON.stringify({ query: e.query, params: e.params, ms: e.duration })}\n`));
  return logging as unknown as PrismaClient;
}

export const db: PrismaClient = globalForDb.db ?? createClient();
globalForDb.db = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
