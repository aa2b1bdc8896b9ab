// What the end-to-end harness hands from its global setup to the tests.
// Global setup runs in Playwright's runner process and sets these variables
// there; the workers it starts afterwards inherit them. The same values are
// written to HARNESS_FILE for people and tools outside the run.
import { readFileSync } from "node:fs";
import path from "node:path";

export const HARNESS_DIR = path.join(process.cwd(), "test-results", "e2e-harness");
export const HARNESS_FILE = path.join(HARNESS_DIR, "server.json");
export const SERVER_LOG = path.join(HARNESS_DIR, "next-start.log");
/** The background worker (scripts/worker.ts), which sends the mail the portal queues. */
export const WORKER_LOG = path.join(HARNESS_DIR, "worker.log");
/** Sign-in locks and cached session cookies (fixtures.ts), emptied at the start of every run. */
export const LOCKS_DIR = path.join(HARNESS_DIR, "locks");
export const SESSIONS_DIR = path.join(HARNESS_DIR, "sessions");

export type Harness = {
  /** The portal, as the browser and the mails address it (http://localhost:<port>). */
  baseUrl: string;
  /** The mail catcher's web inbox and JSON API. */
  mailUrl: string;
  /** The run's own database, migrated and seeded with the demo data. */
  databaseUrl: string;
};

export const HARNESS_ENV = {
  baseUrl: "E2E_BASE_URL",
  mailUrl: "E2E_MAIL_URL",
  databaseUrl: "E2E_DATABASE_URL",
} as const satisfies Record<keyof Harness, string>;

/** The running harness, from the environment or else from HARNESS_FILE. */
export function harness(): Harness {
  const fromEnv = {
    baseUrl: process.env[HARNESS_ENV.baseUrl],
    mailUrl: process.env[HARNESS_ENV.mailUrl],
    databaseUrl: process.env[HARNESS_ENV.databaseUrl],
  };
  if (fromEnv.baseUrl && fromEnv.mailUrl && fromEnv.databaseUrl) return fromEnv as Harness;
  try {
    return JSON.parse(readFileSync(HARNESS_FILE, "utf8")) as Harness;
  } catch {
    throw new Error(
      `The end-to-end harness is not running: ${HARNESS_ENV.baseUrl} is not set and ${path.relative(process.cwd(), HARNESS_FILE)} is missing. ` +
        "Run the tests with `npx playwright test` so its global setup starts the portal.",
    );
  }
}
