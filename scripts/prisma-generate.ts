// Generates the Prisma client. Generating does not use the schema engine, but
// the CLI insists that one exists; its download host is unreachable here, so
// any existing file satisfies the check.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export function generatePrismaClient(): void {
  const env = { ...process.env };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
    env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(process.cwd(), "package.json");
  }
  env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
  execFileSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "generate"], {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) generatePrismaClient();
