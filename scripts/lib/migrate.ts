// Applies prisma/migrations the way Prisma's schema engine does, with pg
// alone, so `prisma migrate deploy` elsewhere sees the same history
// (docs/decisions/0002-migrations-without-prisma-engine-host.md).
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// Prisma's own advisory lock key, so its engine and this applier exclude each other.
const PRISMA_MIGRATE_LOCK = 72707369;

export type MigrationFolder = { name: string; sql: string; checksum: string };

export function readMigrationFolders(dir = MIGRATIONS_DIR): MigrationFolder[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function applyMigrations(
  connectionString: string,
  log: (line: string) => void = () => undefined,
): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`create table if not exists "_prisma_migrations" (
      "id" varchar(36) primary key,
      "checksum" varchar(64) not null,
      "finished_at" timestamptz,
      "migration_name" varchar(255) not null,
      "logs" text,
      "rolled_back_at" timestamptz,
      "started_at" timestamptz not null default now(),
      "applied_steps_count" integer not null default 0
    )`);
    const failed = await client.query<{ migration_name: string }>(
      `select migration_name from "_prisma_migrations" where finished_at is null and rolled_back_at is null`,
    );
    if (failed.rowCount) {
      throw new Error(
        `Migration ${failed.rows[0]!.migration_name} failed earlier and was not rolled back (Prisma's P3009). ` +
          `Fix the database, then mark it rolled back or applied before migrating again.`,
      );
    }
    const done = await client.query<{ migration_name: string }>(
      `select migration_name from "_prisma_migrations" where rolled_back_at is null`,
    );
    const doneNames = new Set(done.rows.map((r) => r.migration_name));
    for (const m of readMigrationFolders()) {
      if (doneNames.has(m.name)) continue;
      const id = randomUUID();
      await client.query(
        `insert into "_prisma_migrations" (id, checksum, started_at, migration_name) values ($1, $2, now(), $3)`,
        [id, m.checksum, m.name],
      );
      try {
        // One simple query: PostgreSQL runs all its statements as one implicit transaction.
        await client.query(m.sql);
      } catch (error) {
        await client.query(`update "_prisma_migrations" set logs = $2 where id = $1`, [id, String(error)]);
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      await client.query(
        `update "_prisma_migrations" set finished_at = now(), applied_steps_count = 1 where id = $1`,
        [id],
      );
      applied.push(m.name);
      log(`applied migration ${m.name}`);
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
  return applied;
}
