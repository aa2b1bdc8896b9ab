// Undoes global-setup.ts: stops `next start`, the worker and the mail catcher,
// drops the run's database, stops an embedded PostgreSQL and removes the upload folder.
// Global setup returns this as Playwright's teardown, and calls it itself when
// it fails halfway, so it copes with whatever part was started.
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import type { MailCatcher } from "../../../scripts/lib/mail-catcher";
import { dropDatabase, type PostgresServer } from "../../../scripts/lib/postgres";

export type RunningHarness = {
  postgres?: PostgresServer;
  database?: { adminUrl: string; name: string };
  catcher?: MailCatcher;
  server?: ChildProcess;
  worker?: ChildProcess;
  uploadDir?: string;
};

export async function stopHarness(running: RunningHarness, log: (line: string) => void = () => undefined): Promise<void> {
  const problems: string[] = [];
  const attempt = async (what: string, action: () => Promise<void> | void) => {
    try {
      await action();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  if (running.server) await attempt("stopping next start", () => stopProcess(running.server!));
  if (running.worker) await attempt("stopping the worker", () => stopProcess(running.worker!));
  if (running.catcher) await attempt("stopping the mail catcher", () => running.catcher!.stop());
  if (running.database) {
    const { adminUrl, name } = running.database;
    await attempt(`dropping ${name}`, () => dropDatabase(adminUrl, name));
  }
  if (running.postgres) await attempt("stopping PostgreSQL", () => running.postgres!.stop());
  if (running.uploadDir) await attempt("removing the upload folder", () => rmSync(running.uploadDir!, { recursive: true, force: true }));
  Object.assign(running, { server: undefined, worker: undefined, catcher: undefined, database: undefined, postgres: undefined, uploadDir: undefined });
  if (problems.length) log(`teardown incomplete:\n  ${problems.join("\n  ")}`);
  else log("stopped the portal, the worker and the mail catcher, dropped the database");
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** The last lines of a log file, for error messages. */
export function tailOf(file: string, lines = 40): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}
