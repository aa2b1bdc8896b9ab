import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process; Next's dev server reloads modules, so keep it global.
const globalForDb = globalThis as unknown as { db?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    log: process.env.DATABASE_LOG_QUERIES === "1" ? [{ emit: "event", level: "query" }] : [],
  });
  // DATABASE_LOG_QUERIES=1: every statement and its parameters as one JSON line on stdout,
  // for diagnosis and for the benchmark's EXPLAIN check (tests/perf/explain.ts).
  if (process.env.DATABASE_LOG_QUERIES === "1") {
    client.$on("query", (e) => process.stdout.write(`${JSON.stringify({ query: e.query, params: e.params, ms: e.duration })}\n`));
  }
  return client as unknown as PrismaClient;
}

export const db: PrismaClient = globalForDb.db ?? createClient();
globalForDb.db = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
