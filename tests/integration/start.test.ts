import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

function start(env: Record<string, string | undefined>) {
  // Only what each case gives: nothing inherited may satisfy a check by accident.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("SMTP_") && !["AUTH_SECRET", "APP_URL", "DATABASE_URL", "NEXTAUTH_URL"].includes(k)),
  );
  return spawnSync(tsx, ["scripts/start.ts"], { env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
}

describe("npm start in production", () => {
  it("refuses to start without SMTP instead of falling back to the mail catcher", () => {
    const run = start({ NODE_ENV: "production", DATABASE_URL: process.env.DATABASE_URL, APP_URL: "https://bidrag.example.se", AUTH_SECRET: "x".repeat(40) });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/SMTP is not configured/);
    expect(run.stdout).not.toMatch(/mail catcher/);
  }, 60_000);

  it("refuses to start without a database, a public address or a secret", () => {
    for (const [missing, env] of [
      ["DATABASE_URL", { APP_URL: "https://bidrag.example.se", AUTH_SECRET: "x".repeat(40), SMTP_URL: "smtp://127.0.0.1:2525" }],
      ["APP_URL", { DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: "x".repeat(40), SMTP_URL: "smtp://127.0.0.1:2525" }],
      ["AUTH_SECRET", { DATABASE_URL: process.env.DATABASE_URL, APP_URL: "https://bidrag.example.se", SMTP_URL: "smtp://127.0.0.1:2525" }],
    ] as const) {
      const run = start({ NODE_ENV: "production", ...env });
      expect(run.status, missing).toBe(1);
      expect(run.stderr, missing).toContain(missing);
    }
  }, 60_000);
});
