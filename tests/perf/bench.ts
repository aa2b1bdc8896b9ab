// `npm run bench`: the portal's performance at the scale of every Swedish
// municipality together (README: Performance).
//  1. a fresh database (the machine's PostgreSQL, else an embedded one),
//     migrated, with the national volume (volume.ts) and next year's
//     applications to decide on (supply.ts);
//  2. the production build (built first when the sources are newer);
//  3. `npm start` on that build, timed to its first served page;
//  4. every page requested alone with DATABASE_LOG_QUERIES=1: its queries
//     counted and EXPLAINed (explain.ts);
//  5. load at 1, 10 and 50 clients, BENCH_ROUNDS rounds of BENCH_SECONDS each,
//     every scenario in every round beside a static page of the portal;
//     the serving process's memory sampled meanwhile;
//  6. the money invariants checked on what the decisions left;
//  7. Lighthouse on the application form and the coordinator's queue.
// It prints a table, writes test-results/perf/bench.json and exits 1 when a
// target is missed (BENCH_STRICT=0: report only).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../scripts/lib/migrate";
import { buildIsCurrent } from "../../scripts/lib/build";
import { freePort } from "../../scripts/lib/net";
import { lowerWorkerPriority, portalNodeOptions, WORKER_ARGS, WORKER_READY } from "../../scripts/lib/portal";
import { databaseUrl, dropDatabase, ensureDatabase, testServer } from "../../scripts/lib/postgres";
import { loadVolume, NATIONAL } from "./volume";
import { loadSupply, type Supply } from "./supply";
import { median, runRound, type Call, type RoundStats } from "./load";
import { countsRows, explainQueries, parseQueryLog, type QueryCheck } from "./explain";
import { scorePages, type LighthouseScore } from "./lighthouse";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_MS = Number(process.env.BENCH_SECONDS ?? 2) * 1000;
const CLIENTS = (process.env.BENCH_CLIENTS ?? "1,10,50").split(",").map(Number);
const STRICT = process.env.BENCH_STRICT !== "0";
/** While working on one part: BENCH_ONLY=decision,queue runs only scenarios whose names start so (plus the static page). */
const ONLY = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0";
const OUT_DIR = path.join(process.cwd(), "test-results", "perf");
const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const SUPPLY_YEAR = NATIONAL.currentYear + 1;

const TARGETS = { pageRatio: 0.1, pageP95Ms: 100, onePoolDecisionsPerSecond: 150, rssMb: 512, startupMs: 2_000, lighthousePerformance: 95, lighthouseAccessibility: 100 };

const log = (line: string) => console.log(`[bench] ${line}`);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function waitForPage(url: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    process.kill(-child.pid!, "SIGTERM");
  });
}

/** Resident memory of a process and all its descendants, in MB (from /proc). */
function treeRssMb(pid: number): number {
  const children = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      continue;
    }
    stack.push(...children(p));
  }
  return kb / 1024;
}

type Portal = { url: string; child: ChildProcess; output: () => string; stop: () => Promise<void> };

/** `next start` on the production build, as npm start runs it, on a port of its own. */
async function startPortal(dbUrl: string, env: NodeJS.ProcessEnv, extra: Record<string, string> = {}): Promise<Portal> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, ...extra, DATABASE_URL: dbUrl, APP_URL: url, NEXTAUTH_URL: url, NODE_ENV: "production", NODE_OPTIONS: portalNodeOptions(env) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  await waitForPage(`${url}/icon.svg`, 60_000);
  return { url, child, output: () => out, stop: () => stopGroup(child) };
}

/** The background worker (scripts/worker.ts) as `npm start` runs it (its priority lowered); resolves once it says it is ready. */
async function startWorker(dbUrl: string, env: NodeJS.ProcessEnv): Promise<{ stop: () => Promise<void> }> {
  const child = spawn(process.execPath, WORKER_ARGS, {
    env: { ...env, DATABASE_URL: dbUrl, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  lowerWorkerPriority(child.pid, log);
  let out = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => void stopGroup(child).then(() => reject(new Error(`the worker was not ready within 60 s:\n${out}`))), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (WORKER_READY.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the worker stopped (exit code ${code}):\n${out}`)));
  });
  return { stop: () => stopGroup(child) };
}

async function pendingLetters(dbUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`select count(*)::int as n from "PendingLetter"`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** tests/perf/mail-server.ts at the lowest CPU priority; resolves with its SMTP port once it listens. */
async function startMailServer(): Promise<{ smtpPort: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("tests", "perf", "mail-server.ts")], { stdio: ["ignore", "pipe", "inherit"], detached: true });
  try {
    os.setPriority(child.pid!, 19);
  } catch {
    // it runs at the benchmark's priority
  }
  const smtpPort = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const match = /"smtpPort":(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`the mail server stopped (exit code ${code}): ${out}`)));
  });
  return { smtpPort, stop: () => stopGroup(child) };
}

/** From `npm start` on the built tree to the first page it serves: the median of three starts. */
async function measureStartup(dbUrl: string, env: NodeJS.ProcessEnv): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn("npm", ["start"], {
      env: { ...env, DATABASE_URL: dbUrl, PORT: String(port), MAIL_CATCHER_SMTP_PORT: "0", MAIL_CATCHER_HTTP_PORT: "0", SMTP_URL: "", SMTP_HOST: "" },
      stdio: "ignore",
      detached: true,
    });
    try {
      await waitForPage(`http://127.0.0.1:${port}/`, 60_000);
      times.push(performance.now() - started);
    } finally {
      await stopGroup(child);
    }
  }
  return times;
}

type Credentials = { coordinatorCookie: string; applicantCookie: string; tokens: string[] };

/** Signed in as next-auth would leave it: a session row holding the SHA-256 of the cookie's token; API tokens likewise. */
async function credentials(dbUrl: string, coordinatorEmail: string, applicantEmail: string, supply: Supply): Promise<Credentials> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const session = async (email: string) => {
      const token = randomBytes(32).toString("base64url");
      await client.query(
        `insert into "Session" (id, "sessionToken", "userId", expires, "createdAt") select $1, $2, id, now() + interval '1 day', now() from "User" where email = $3`,
        [randomUUID(), sha256(token), email],
      );
      return `next-auth.session-token=${token}`;
    };
    const tokens: string[] = [];
    for (const coordinator of supply.coordinators) {
      const token = `ub_${randomBytes(32).toString("base64url")}`;
      await client.query(`insert into "ApiToken" (id, "userId", name, "tokenHash", prefix) values ($1, $2, 'bench', $3, $4)`, [randomUUID(), coordinator.userId, sha256(token), token.slice(0, 10)]);
      tokens.push(token);
    }
    return { coordinatorCookie: await session(coordinatorEmail), applicantCookie: await session(applicantEmail), tokens };
  } finally {
    await client.end();
  }
}

type Scenario = {
  name: string;
  kind: "static" | "page" | "decision";
  /** The call for a client; null when the round's share of work is used up. */
  next: (client: number) => Call | null;
  /** Before each round (decisions: hand out the round's share of work). */
  beforeRound?: (slot: number) => void;
  /** After each round, unmeasured (base grants: reopen what was decided). */
  afterRound?: () => Promise<void>;
};

type Row = { scenario: string; kind: Scenario["kind"]; clients: number; rounds: (RoundStats & { throughputRatio: number; p95Ratio: number })[] };

async function main(): Promise<number> {
  const started = Date.now();
  mkdirSync(OUT_DIR, { recursive: true });
  const server = await testServer(log);
  const dbName = `perf_${Date.now()}`;
  await ensureDatabase(server.adminUrl, dbName);
  const dbUrl = databaseUrl(server.adminUrl, dbName);
  const uploadDir = mkdtempSync(path.join(os.tmpdir(), "perf-uploads-"));
  const portals: { stop: () => Promise<void> }[] = [];
  try {
    await applyMigrations(dbUrl);
    let t = Date.now();
    const loaded = await loadVolume(dbUrl, NATIONAL);
    log(`national volume loaded in ${((Date.now() - t) / 1000).toFixed(1)} s: ${Object.entries(loaded.counts).map(([k, v]) => `${v} ${k}`).join(", ")}`);
    t = Date.now();
    const perRound = ROUNDS * CLIENTS.length;
    const supply = await loadSupply(dbUrl, { year: SUPPLY_YEAR, onePool: 800 * perRound, spreadPerTown: Math.ceil((800 * perRound) / 300) });
    log(`${SUPPLY_YEAR}'s applications to decide on: ${supply.onePool.length} in one pool, ${supply.spread.length} spread, ${supply.basePools.length} base-grant pools (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    const creds = await credentials(dbUrl, loaded.coordinatorEmail, loaded.applicantEmail, supply);
    const fixtures = await pageFixtures(dbUrl, loaded.municipalityId);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      UPLOAD_DIR: uploadDir,
      MUNICIPALITY: "perf",
      DATABASE_LOG_QUERIES: "",
    };
    env.NEXTAUTH_SECRET = env.AUTH_SECRET;
    if (buildIsCurrent()) log("the production build is newer than every source: not building again");
    else {
      log("building the portal (next build) …");
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [NEXT_BIN, "build"], { env: { ...env, DATABASE_URL: dbUrl, NODE_ENV: "production" }, stdio: "inherit" });
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`))));
      });
    }

    const startup = await measureStartup(dbUrl, env);
    log(`npm start to the first page: ${startup.map((ms) => ms.toFixed(0)).join(", ")} ms`);

    // ---- queries of every page, alone
    const queryPortal = await startPortal(dbUrl, env, { DATABASE_LOG_QUERIES: "1" });
    portals.push(queryPortal);
    const pages = pageScenarios(creds, fixtures);
    const perPage: PageQueries[] = [];
    const probe = async (scenario: string, call: Call) => {
      await fetchOnce(queryPortal.url, call); // compiles and caches what the first request would
      const before = queryPortal.output().length;
      const html = await fetchOnce(queryPortal.url, call);
      await new Promise((r) => setTimeout(r, 300));
      const queries = parseQueryLog(queryPortal.output().slice(before));
      perPage.push({ scenario, path: call.path, bytes: Buffer.byteLength(html), rows: tableRows(html), queries: queries.length, statements: queries.map((q) => q.query), params: queries.map((q) => q.params) });
    };
    for (const page of pages) await probe(page.name, page.call(0));
    // The queue with a handful of rows: one query per row would show as fewer queries here than on a full page.
    await probe("queue, few rows", {
      path: `/coordinator/queue?year=${NATIONAL.currentYear}&town=${fixtures.townId}&kind=ACTIVITY&status=WITHDRAWN`,
      headers: { cookie: creds.coordinatorCookie },
    });
    writeFileSync(path.join(OUT_DIR, "queries.json"), `${JSON.stringify(perPage, null, 2)}\n`);
    const allQueries = parseQueryLog(queryPortal.output());
    const checks = await explainQueries(dbUrl, allQueries);
    await queryPortal.stop();
    portals.pop();
    const seqScans = checks.filter((c) => c.seqScans.length);
    const explainErrors = checks.filter((c) => c.error);
    const counting = perPage.filter((p) => p.scenario.startsWith("queue") && p.statements.some(countsRows));
    // The first page (50 rows) and the few-row page run the same statements; "any page" adds the cursor's lookup.
    const queueCounts = perPage.filter((p) => p.scenario === "queue, first page" || p.scenario === "queue, few rows").map((p) => ({ rows: p.rows, queries: p.queries }));
    log(`queries per page: ${perPage.map((p) => `${p.scenario} ${p.queries}`).join(", ")}`);
    log(`EXPLAIN: ${checks.length} distinct reads, ${seqScans.length} with a sequential scan of a large table, ${explainErrors.length} not explainable`);

    // ---- load, with the worker beside the portal as `npm start` runs it: it writes the decisions' letters and sends their mail
    const portal = await startPortal(dbUrl, env);
    portals.push(portal);
    const mail = await startMailServer();
    portals.push(mail);
    const worker = await startWorker(dbUrl, { ...env, SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}` });
    portals.push(worker);
    const scenarios: Scenario[] = [
      ...pages.map((p) => ({ name: p.name, kind: p.kind, next: p.call })),
      ...decisionScenarios(portal.url, creds, supply),
    ].filter((s) => s.kind === "static" || !ONLY.length || ONLY.some((prefix) => s.name.startsWith(prefix)));
    // Warm-up: every page, and decisions on applications set aside for it, so that no first round times compiling a route.
    for (const s of scenarios.filter((s) => s.kind !== "decision")) await runRound(portal.url, 2, 500, s.next);
    const warmUp = [...supply.warmUp];
    const warmed = await runRound(portal.url, 2, 60_000, () => {
      const item = warmUp.shift();
      return item ? approval(creds, item.applicationId, item.coordinator) : null;
    });
    if (warmed.errors) throw new Error(`the warm-up decisions failed: ${warmed.firstError}`);
    const rows: Row[] = [];
    const rss: number[] = [];
    for (const clients of CLIENTS) {
      for (let round = 0; round < ROUNDS; round++) {
        let sampler: NodeJS.Timeout | undefined;
        if (clients === Math.max(...CLIENTS)) sampler = setInterval(() => rss.push(treeRssMb(portal.child.pid!)), 100);
        const staticFirst = await runRound(portal.url, clients, ROUND_MS, scenarios[0]!.next);
        const results: [Scenario, RoundStats][] = [[scenarios[0]!, staticFirst]];
        for (const scenario of scenarios.slice(1)) {
          scenario.beforeRound?.(CLIENTS.indexOf(clients) * ROUNDS + round);
          results.push([scenario, await runRound(portal.url, clients, ROUND_MS, scenario.next)]);
          await scenario.afterRound?.();
        }
        clearInterval(sampler);
        const staticStats = results[0]![1];
        for (const [scenario, stats] of results) {
          let row = rows.find((r) => r.scenario === scenario.name && r.clients === clients);
          if (!row) rows.push((row = { scenario: scenario.name, kind: scenario.kind, clients, rounds: [] }));
          row.rounds.push({ ...stats, throughputRatio: stats.throughput / staticStats.throughput, p95Ratio: stats.p95Ms / staticStats.p95Ms });
          if (stats.errors) log(`${scenario.name} at ${clients}: ${stats.errors} failed (${stats.firstError})`);
        }
        log(`${clients} client(s), round ${round + 1}/${ROUNDS} done`);
      }
    }
    const invariants = await checkInvariants(dbUrl, supply);
    log(`invariants: ${invariants.violations.length ? invariants.violations.join("; ") : "all hold"} (${invariants.onePoolApproved} approved in the single pool, ${invariants.onePoolSum} kr)`);

    const lighthouse = !LIGHTHOUSE ? [] : await scorePages([
      { url: `${portal.url}/applications/new`, cookie: creds.applicantCookie },
      { url: `${portal.url}/coordinator/queue`, cookie: creds.coordinatorCookie },
    ]);
    const lettersDue = await pendingLetters(dbUrl);
    log(`decision letters still to be written when the load ended: ${lettersDue}`);
    await worker.stop();
    await mail.stop();
    await portal.stop();
    portals.splice(0);

    const report = summarize({ rows, rss, startup, perPage, checks, counting: counting.map((c) => c.scenario), queueCounts, invariants, lighthouse, loaded: loaded.counts });
    writeFileSync(path.join(OUT_DIR, "bench.json"), `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, rounds: ROUNDS, roundSeconds: ROUND_MS / 1000, ...report }, null, 2)}\n`);
    log(`results in ${path.relative(process.cwd(), path.join(OUT_DIR, "bench.json"))} (${((Date.now() - started) / 60_000).toFixed(1)} min)`);
    return STRICT && report.missed.length ? 1 : 0;
  } finally {
    for (const p of portals) await p.stop();
    rmSync(uploadDir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP === "1") log(`database kept: ${dbUrl}`);
    else await dropDatabase(server.adminUrl, dbName).catch(() => undefined);
    await server.stop();
  }
}

async function fetchOnce(base: string, call: Call) {
  const res = await fetch(`${base}${call.path}`, { method: call.method ?? "GET", headers: call.headers, redirect: "manual" });
  const body = await res.text();
  if (!(call.expect ?? [200]).includes(res.status)) throw new Error(`${call.path}: HTTP ${res.status} ${body.slice(0, 200)}`);
  return body;
}

/** Rows in a page's tables' bodies. */
function tableRows(html: string): number {
  return [...html.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].reduce((n, [, body]) => n + (body!.match(/<tr[\s>]/g)?.length ?? 0), 0);
}

type PageQueries = { scenario: string; path: string; bytes: number; rows: number; queries: number; statements: string[]; params: unknown[][] };

type Fixtures = { townId: string; cursors: string[]; applicationIds: string[] };

async function pageFixtures(dbUrl: string, municipalityId: string): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const town = await client.query<{ id: string }>(`select id from "PartnerTown" where "municipalityId" = $1 order by name limit 1`, [municipalityId]);
    // Keyset cursors into the queue, page 2 to the last: "any page of results".
    const cursors = await client.query<{ id: string }>(
      `select id from (select id, row_number() over (order by "submittedAt" desc, id desc) as n from "Application" where "municipalityId" = $1 and status <> 'DRAFT') q where n % 50 = 0 order by n`,
      [municipalityId],
    );
    // The coordinator opens applications of every kind and year.
    const apps = await client.query<{ id: string }>(
      `select id from "Application" where "municipalityId" = $1 and status <> 'DRAFT' order by md5(id::text) limit 200`,
      [municipalityId],
    );
    return { townId: town.rows[0]!.id, cursors: cursors.rows.map((r) => r.id), applicationIds: apps.rows.map((r) => r.id) };
  } finally {
    await client.end();
  }
}

type PageScenario = { name: string; kind: "static" | "page"; call: (client: number) => Call };

function pageScenarios(creds: Credentials, f: Fixtures): PageScenario[] {
  const coordinator = { cookie: creds.coordinatorCookie };
  const applicant = { cookie: creds.applicantCookie };
  let cursor = 0;
  let app = 0;
  return [
    // A static page of the portal, prerendered at build time: the baseline every figure is divided by.
    { name: "static (/icon.svg)", kind: "static", call: () => ({ path: "/icon.svg" }) },
    { name: "accessibility statement", kind: "page", call: () => ({ path: "/accessibility" }) },
    { name: "queue, first page", kind: "page", call: () => ({ path: "/coordinator/queue", headers: coordinator }) },
    {
      name: "queue, filtered",
      kind: "page",
      call: () => ({ path: `/coordinator/queue?year=${NATIONAL.currentYear}&town=${f.townId}&kind=ACTIVITY&status=SUBMITTED`, headers: coordinator }),
    },
    { name: "queue, any page", kind: "page", call: () => ({ path: `/coordinator/queue?after=${f.cursors[cursor++ % f.cursors.length]}`, headers: coordinator }) },
    { name: "allocation overview", kind: "page", call: () => ({ path: "/coordinator/overview", headers: coordinator }) },
    { name: "coordinator start page", kind: "page", call: () => ({ path: "/coordinator", headers: coordinator }) },
    { name: "applicant's applications", kind: "page", call: () => ({ path: "/my", headers: applicant }) },
    { name: "application page", kind: "page", call: () => ({ path: `/applications/${f.applicationIds[app++ % f.applicationIds.length]}`, headers: coordinator }) },
  ];
}

const APPROVAL_REASON = "Beviljas enligt ansökan; bidraget ryms i ramen.";

/** One of the coordinators' API token, as a request's header. */
const bearer = (creds: Credentials, coordinator: number) => ({ authorization: `Bearer ${creds.tokens[coordinator]}` });

/** Approving an activity application with 1 kr through the API, as one of the coordinators. */
function approval(creds: Credentials, applicationId: string, coordinator: number): Call {
  return {
    method: "POST",
    path: `/api/v1/applications/${applicationId}/decision`,
    headers: bearer(creds, coordinator),
    body: { outcome: "APPROVED", amount: 1, reason: APPROVAL_REASON },
    expect: [201],
  };
}

function decisionScenarios(baseUrl: string, creds: Credentials, supply: Supply): Scenario[] {
  const slots = ROUNDS * CLIENTS.length;
  const share = <T>(items: T[], slot: number) => {
    const size = Math.floor(items.length / slots);
    return items.slice(slot * size, (slot + 1) * size);
  };

  let onePool: string[] = [];
  let spread: Supply["spread"] = [];
  let pools: Supply["basePools"] = [];
  const decided: { id: string; coordinator: number }[] = [];
  return [
    {
      name: "activity decision, one pool",
      kind: "decision",
      beforeRound: (slot) => (onePool = share(supply.onePool, slot)),
      next: () => {
        const id = onePool.shift();
        return id ? approval(creds, id, 0) : null;
      },
    },
    {
      name: "activity decision, spread",
      kind: "decision",
      beforeRound: (slot) => (spread = share(supply.spread, slot)),
      next: () => {
        const item = spread.shift();
        return item ? approval(creds, item.applicationId, item.coordinator) : null;
      },
    },
    {
      name: "base-grant allocation",
      kind: "decision",
      // Every town's base grants once per round; reopened after it, so the next round decides them again.
      beforeRound: () => (pools = [...supply.basePools]),
      next: () => {
        const pool = pools.shift();
        if (!pool) return null;
        return {
          method: "POST",
          path: "/api/v1/allocations",
          headers: bearer(creds, pool.coordinator),
          body: { programYearId: pool.programYearId, partnerTownId: pool.partnerTownId, approve: pool.applicationIds, reject: [] },
          expect: [201],
          onBody: (body) => decided.push({ id: (JSON.parse(body) as { allocationId: string }).allocationId, coordinator: pool.coordinator }),
        };
      },
      afterRound: async () => {
        const reopen = decided.splice(0);
        const stats = await runRound(baseUrl, 10, 600_000, () => {
          const item = reopen.shift();
          return item ? { method: "POST", path: `/api/v1/allocations/${item.id}/reopen`, headers: bearer(creds, item.coordinator), body: { reason: "Fördelas på nytt i nästa mätomgång." } } : null;
        });
        if (stats.errors) throw new Error(`reopening allocations failed: ${stats.firstError}`);
      },
    },
  ];
}

type Invariants = { violations: string[]; onePoolApproved: number; onePoolSum: number };

/** The money rules, checked on the database the decisions left. */
async function checkInvariants(dbUrl: string, supply: Supply): Promise<Invariants> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const count = async (label: string, sql: string, params: unknown[] = []) => {
      const n = Number((await client.query<{ n: string }>(`select count(*) as n from (${sql}) v`, params)).rows[0]!.n);
      return n ? [`${label}: ${n}`] : [];
    };
    const inForce = `select d.*, a."programYearId", a."partnerTownId", a."grantKind" from "Decision" d join "Application" a on a."currentDecisionId" = d.id where d."supersededAt" is null and d.outcome = 'APPROVED'`;
    const violations = [
      ...(await count(
        "pools over their cap",
        `select 1 from (${inForce}) d join "ProgramYear" p on p.id = d."programYearId"
           left join "ProgramCap" c on c."programYearId" = d."programYearId" and c."partnerTownId" = d."partnerTownId" and c."grantKind" = d."grantKind"
          group by d."programYearId", d."partnerTownId", d."grantKind", c.amount, p."baseCapPerTown", p."activityCapPerTown"
         having sum(d.amount) > coalesce(c.amount, case when d."grantKind" = 'BASE' then p."baseCapPerTown" else p."activityCapPerTown" end)`,
      )),
      ...(await count(
        "program years over their budget",
        `select 1 from (${inForce}) d join "ProgramYear" p on p.id = d."programYearId" where p.budget is not null group by p.id, p.budget having sum(d.amount) > p.budget`,
      )),
      ...(await count(
        "allocations whose grants are not equal shares",
        `select 1 from "BaseAllocation" b join "Decision" d on d."allocationId" = b.id and d.outcome = 'APPROVED' where b."supersededAt" is null
          group by b.id, b.share, b."approvedCount", b.cap having count(*) <> b."approvedCount" or bool_or(d.amount <> b.share) or sum(d.amount) > b.cap`,
      )),
      ...(await count("towns with two allocations in force", `select 1 from "BaseAllocation" where "supersededAt" is null group by "programYearId", "partnerTownId" having count(*) > 1`)),
      ...(await count(
        "applications whose status and decision disagree",
        `select 1 from "Application" a left join "Decision" d on d.id = a."currentDecisionId"
          where (a.status in ('APPROVED', 'REJECTED') and (d.id is null or d.outcome::text <> a.status::text or d."supersededAt" is not null))
             or (a.status not in ('APPROVED', 'REJECTED') and a."currentDecisionId" is not null)`,
      )),
    ];
    const pool = await client.query<{ n: string; sum: string | null }>(
      `select count(*) as n, sum(d.amount) as sum from "Decision" d join "Application" a on a."currentDecisionId" = d.id where a.id = any($1::uuid[]) and d.outcome = 'APPROVED'`,
      [supply.onePool],
    );
    return { violations, onePoolApproved: Number(pool.rows[0]!.n), onePoolSum: Number(pool.rows[0]!.sum ?? 0) };
  } finally {
    await client.end();
  }
}

function summarize(input: {
  rows: Row[];
  rss: number[];
  startup: number[];
  perPage: PageQueries[];
  checks: QueryCheck[];
  counting: string[];
  queueCounts: { rows: number; queries: number }[];
  invariants: Invariants;
  lighthouse: LighthouseScore[];
  loaded: Record<string, number>;
}) {
  const figures = input.rows.map((row) => ({
    scenario: row.scenario,
    kind: row.kind,
    clients: row.clients,
    throughput: median(row.rounds.map((r) => r.throughput)),
    medianMs: median(row.rounds.map((r) => r.medianMs)),
    p95Ms: median(row.rounds.map((r) => r.p95Ms)),
    throughputRatio: median(row.rounds.map((r) => r.throughputRatio)),
    p95Ratio: median(row.rounds.map((r) => r.p95Ratio)),
    errors: row.rounds.reduce((n, r) => n + r.errors, 0),
    rounds: row.rounds,
  }));
  const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
  console.log("");
  console.log(
    ["scenario".padEnd(30), "clients".padStart(7), "req/s".padStart(8), "× static".padStart(9), "median ms".padStart(10), "p95 ms".padStart(8), "p95 × static".padStart(12), "errors".padStart(7)].join(" "),
  );
  for (const f of figures) {
    console.log(
      [f.scenario.padEnd(30), String(f.clients).padStart(7), fmt(f.throughput).padStart(8), fmt(f.throughputRatio, 3).padStart(9), fmt(f.medianMs).padStart(10), fmt(f.p95Ms).padStart(8), fmt(f.p95Ratio).padStart(12), String(f.errors).padStart(7)].join(" "),
    );
  }
  const rssMax = Math.max(0, ...input.rss);
  const startupMedian = median(input.startup);
  console.log("");
  console.log(`serving process under ${Math.max(...CLIENTS)} clients: ${fmt(rssMax, 0)} MB resident at most (median ${fmt(median(input.rss), 0)} MB)`);
  console.log(`npm start to the first page: ${fmt(startupMedian, 0)} ms (median of ${input.startup.length})`);
  console.log(`queries per page: ${input.perPage.map((p) => `${p.scenario}: ${p.queries}`).join("; ")}`);
  console.log(`HTML per page: ${input.perPage.map((p) => `${p.scenario}: ${(p.bytes / 1024).toFixed(0)} KB`).join("; ")}`);
  for (const c of input.checks.filter((c) => c.seqScans.length || c.error)) {
    console.log(`  ${c.error ? `not explainable (${c.error})` : `sequential scan of ${c.seqScans.map((s) => `${s.table} (${s.rows} rows)`).join(", ")}`}: ${c.query.replace(/\s+/g, " ").trim().slice(0, 300)}`);
  }
  for (const l of input.lighthouse) console.log(`Lighthouse ${l.url}: performance ${l.performance}, accessibility ${l.accessibility}`);

  const at = (clients: number) => figures.filter((f) => f.clients === clients);
  const missed: string[] = [];
  for (const f of at(10).filter((f) => f.kind === "page" && f.scenario !== "accessibility statement")) {
    if (!(f.throughputRatio >= TARGETS.pageRatio)) missed.push(`${f.scenario}: ${fmt(f.throughputRatio, 3)} of the static page's throughput at 10 clients (target ${TARGETS.pageRatio})`);
    if (!(f.p95Ms < TARGETS.pageP95Ms)) missed.push(`${f.scenario}: p95 ${fmt(f.p95Ms)} ms at 10 clients (target < ${TARGETS.pageP95Ms} ms)`);
  }
  const onePool = at(10).find((f) => f.scenario === "activity decision, one pool");
  if (onePool && !(onePool.throughput >= TARGETS.onePoolDecisionsPerSecond)) missed.push(`one-pool decisions: ${fmt(onePool.throughput)}/s at 10 clients (target ${TARGETS.onePoolDecisionsPerSecond}/s)`);
  for (const f of figures.filter((f) => f.errors)) missed.push(`${f.scenario} at ${f.clients} clients: ${f.errors} failed requests`);
  missed.push(...input.invariants.violations.map((v) => `invariant broken: ${v}`));
  if (!(rssMax < TARGETS.rssMb)) missed.push(`memory: ${fmt(rssMax, 0)} MB resident (target < ${TARGETS.rssMb} MB)`);
  if (!(startupMedian < TARGETS.startupMs)) missed.push(`start-up: ${fmt(startupMedian, 0)} ms (target < ${TARGETS.startupMs} ms)`);
  const oneLine = (sql: string) => sql.replace(/\s+/g, " ").trim().slice(0, 200);
  for (const c of input.checks.filter((c) => c.seqScans.length)) missed.push(`no index for (${c.seqScans.map((s) => s.table).join(", ")}): ${oneLine(c.query)}`);
  for (const c of input.checks.filter((c) => c.error)) missed.push(`not explainable: ${oneLine(c.query)}`);
  if (input.counting.length) missed.push(`pagination counts rows: ${input.counting.join(", ")}`);
  if (new Set(input.queueCounts.map((c) => c.queries)).size > 1 || new Set(input.queueCounts.map((c) => c.rows)).size < 2) {
    missed.push(`the queue's query count should not depend on its rows: ${input.queueCounts.map((c) => `${c.rows} rows, ${c.queries} queries`).join("; ")}`);
  }
  for (const l of input.lighthouse) {
    if (l.performance < TARGETS.lighthousePerformance || l.accessibility < TARGETS.lighthouseAccessibility) {
      missed.push(`Lighthouse ${new URL(l.url).pathname}: performance ${l.performance}, accessibility ${l.accessibility} (${l.shortfalls.map((s) => s.id).join(", ")})`);
    }
  }
  console.log("");
  if (missed.length) for (const m of missed) console.log(`MISSED ${m}`);
  else console.log("every target met");
  return {
    targets: TARGETS,
    volume: input.loaded,
    figures,
    memory: { maxRssMb: rssMax, medianRssMb: median(input.rss), samples: input.rss.length },
    startup: { medianMs: startupMedian, runsMs: input.startup },
    queries: { perPage: input.perPage, explained: input.checks },
    invariants: input.invariants,
    lighthouse: input.lighthouse,
    missed,
  };
}

// Exits explicitly: Chromium's launcher and the pools leave handles behind.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
