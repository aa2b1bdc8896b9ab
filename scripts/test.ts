// `npm test`: every check, in order, stopping at the first failure:
//   prisma client (only when lib/generated/prisma is missing), tsc, eslint,
//   vitest unit, vitest integration, playwright end-to-end.
// The test runners also write JSON reports (test-results/reports/), from which
// the last line printed is the count over all of them:
//   tests: N passed, M failed[, K skipped]
// A step that fails without a failed test to show for it (a type error, a
// crashed runner) counts as one failure, so M is never 0 when the exit code
// is not.
//
// `npm test -- --from=unit` starts at the first step whose title contains
// "unit" (to rerun after fixing a late step); the default runs them all.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { generatePrismaClient } from "./prisma-generate";

const REPORTS = path.join("test-results", "reports");
const bin = (...parts: string[]) => path.join("node_modules", ...parts);

type Counts = { passed: number; failed: number; skipped: number };
type Step = {
  title: string;
  run: () => Promise<number>;
  /** Reads the step's JSON report, if it is a test runner. */
  counts?: () => Counts | null;
};

function exec(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
    child.on("error", (error) => {
      console.error(error);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** vitest's JSON reporter (Jest's format). */
function vitestCounts(file: string): () => Counts | null {
  return () => {
    const r = readJson(file) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
    if (!r) return null;
    return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
  };
}

/** Playwright's JSON reporter; a test that passed on retry (flaky) counts as passed. */
function playwrightCounts(file: string): () => Counts | null {
  return () => {
    const r = readJson(file) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
    if (!r?.stats) return null;
    const s = r.stats;
    return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
  };
}

function vitest(project: "unit" | "integration"): Step {
  const report = path.join(REPORTS, `${project}.json`);
  return {
    title: `vitest --project ${project}`,
    run: () =>
      exec([bin("vitest", "vitest.mjs"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${report}`]),
    counts: vitestCounts(report),
  };
}

const e2eReport = path.join(REPORTS, "e2e.json");

const steps: Step[] = [
  {
    title: "prisma client",
    run: async () => {
      if (existsSync(path.join("lib", "generated", "prisma"))) {
        console.log("lib/generated/prisma exists: not generating again");
        return 0;
      }
      try {
        generatePrismaClient();
        return 0;
      } catch {
        return 1;
      }
    },
  },
  { title: "tsc --noEmit", run: () => exec([bin("typescript", "bin", "tsc"), "--noEmit"]) },
  { title: "eslint --max-warnings=0 .", run: () => exec([bin("eslint", "bin", "eslint.js"), "--max-warnings=0", "."]) },
  vitest("unit"),
  vitest("integration"),
  {
    title: "playwright test (end to end, production build)",
    run: () => exec([bin("@playwright", "test", "cli.js"), "test"], { PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport }),
    counts: playwrightCounts(e2eReport),
  },
];

function duration(ms: number): string {
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

function firstStep(): number {
  const from = process.argv.slice(2).find((a) => a.startsWith("--from="))?.slice("--from=".length);
  if (!from) return 0;
  const index = steps.findIndex((s) => s.title.includes(from));
  if (index < 0) throw new Error(`--from=${from} names no step (${steps.map((s) => s.title).join("; ")})`);
  return index;
}

async function main(): Promise<number> {
  const first = firstStep();
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const timings: string[] = [];
  const started = Date.now();
  let failedStep: string | null = null;

  for (const [i, step] of steps.entries()) {
    if (i < first) {
      timings.push(`skip ${step.title} (--from)`);
      continue;
    }
    console.log(`\n=== [${i + 1}/${steps.length}] ${step.title} ===\n`);
    const t0 = Date.now();
    const code = await step.run();
    const took = Date.now() - t0;
    const counts = step.counts?.() ?? null;
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
    }
    const ok = code === 0;
    if (!ok && !(counts && counts.failed > 0)) total.failed += 1;
    let tally = counts ? `: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}` : "";
    if (!ok && !(counts && counts.failed > 0)) tally += counts ? " (the run itself failed: counted as 1 failure)" : " (counted as 1 failure)";
    const line = `${ok ? "ok  " : "FAIL"} ${step.title} (${duration(took)})${tally}`;
    timings.push(line);
    console.log(`\n--- ${line}`);
    if (!ok) {
      failedStep = step.title;
      break;
    }
  }

  console.log(`\n=== summary (${duration(Date.now() - started)}) ===`);
  for (const line of timings) console.log(line);
  for (const step of steps.slice(timings.length)) console.log(`skip ${step.title}`);
  if (failedStep) console.log(`stopped: "${failedStep}" failed`);
  console.log(`tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  return failedStep ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log("tests: 0 passed, 1 failed");
    process.exit(1);
  },
);
