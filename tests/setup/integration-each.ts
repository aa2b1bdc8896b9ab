// Before each integration test file: a fresh database copied from the
// migrated template, so files never see each other's rows.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, inject, vi } from "vitest";
import pg from "pg";
import { databaseUrl } from "../../scripts/lib/postgres";

const serverUrl = inject("dbServerUrl");
const template = inject("dbTemplate");
const name = `${inject("dbPrefix")}_${randomUUID().slice(0, 8)}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
for (let attempt = 0; ; attempt++) {
  try {
    await admin.query(`create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(template)}`);
    break;
  } catch (error) {
    // Two files copying the template at the same moment: try again shortly.
    if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
  }
}
await admin.end();
process.env.DATABASE_URL = databaseUrl(serverUrl, name);
process.env.AUTH_SECRET ??= "integration-test-secret-integration-test-secret";
process.env.APP_URL ??= "http://localhost:3000";

// An unexpected console.error is a failure, not noise.
let consoleErrors: unknown[][] = [];
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (consoleErrors.length) throw new Error(`console.error was called: ${consoleErrors.map((a) => a.map(String).join(" ")).join("\n")}`);
});
