// npm run db:migration:create -- <name>
// Writes a new migration for what schema.prisma has and the migrations lack.
import { randomUUID } from "node:crypto";
import { databaseUrl, dropDatabase, ensureDatabase, testServer } from "./lib/postgres";
import { createMigration } from "./lib/schema-engine";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:create -- <name_in_snake_case>");
  process.exit(64);
}

const server = await testServer();
const scratch = `migration_scratch_${randomUUID().replaceAll("-", "")}`;
let code = 0;
try {
  await ensureDatabase(server.adminUrl, scratch);
  const created = await createMigration(databaseUrl(server.adminUrl, scratch), name);
  console.log(created ? `Created prisma/migrations/${created}/migration.sql` : "schema.prisma and the migrations already agree: nothing to create.");
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  await dropDatabase(server.adminUrl, scratch).catch(() => undefined);
  await server.stop();
}
// The engine keeps timers alive for a while after it is done.
process.exit(code);
