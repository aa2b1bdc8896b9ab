import "server-only";
// The background worker (docs/decisions/0007-mail-outbox.md), on pg-boss:
//  - relay: LISTENs on "outbox_mail" (a trigger notifies when a mail commits)
//    and hands each mail to the job queue in one transaction with marking it
//    queued, so a mail has a job exactly when it is marked;
//  - sweep: at start, every minute and after a lost connection, the same for
//    mails whose notice was missed or whose job was lost;
//  - delivery: one job per mail, retried with backoff, delivering each mail
//    once however many workers share the database (deliverOutboxMail);
//  - reminders: every hour (Swedish time) queues the reminders that are due;
//  - letters: LISTENs on "decision_letter" (a trigger notifies when a decision
//    commits with its PendingLetter row) and writes each decision's letter,
//    one at a time; the sweep picks up those whose notice was missed or whose
//    letter failed (docs/decisions/0010-letters-in-the-worker.md).
// `npm run worker` runs it alone (scripts/worker.ts); `npm start` runs it beside the portal.
import PgBoss from "pg-boss";
import pg from "pg";
import { DEFAULT_WORKER_SETTINGS, MAIL_JOB_EXPIRE_SECONDS, retryHorizonSeconds, type WorkerSettings } from "./config";
import { listen, type ChannelListener } from "./listener";
import { deliverOutboxMail, SWEEP_BATCH, takeNotified, takeSwept, type Queryable } from "./outbox-delivery";

export const OUTBOX_CHANNEL = "outbox_mail";
export const LETTER_CHANNEL = "decision_letter";
export const QUEUES = { mail: "outbox-mail", sweep: "outbox-sweep", reminders: "reminders-due" } as const;
/** pg-boss keeps its tables in this schema of the portal's database. */
export const PGBOSS_SCHEMA = "pgboss";

export type WorkerLog = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
};

export type WorkerOptions = Partial<WorkerSettings> & {
  databaseUrl: string;
  /** Queue due reminders every hour (default true). Tests with their own clock turn it off. */
  reminders?: boolean;
  /** Write the decision letters that are due (default true). */
  letters?: boolean;
  /** Sweep every minute (default true); the sweep at start and after reconnecting always runs. */
  schedules?: boolean;
  log?: WorkerLog;
};

export type StopWorker = () => Promise<void>;

type MailJob = { id: string };

function detail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export const consoleLog: WorkerLog = {
  info: (message) => console.log(`[worker] ${message}`),
  warn: (message) => console.warn(`[worker] ${message}`),
  error: (message, error) => console.error(`[worker] ${message}${error === undefined ? "" : `: ${detail(error)}`}`),
};

/** Starts the worker; resolves once it listens and has swept, with the function that stops it. */
export async function startWorker(options: WorkerOptions): Promise<StopWorker> {
  const settings: WorkerSettings = { ...DEFAULT_WORKER_SETTINGS, ...definedOnly(options) };
  const log = options.log ?? consoleLog;
  const horizon = retryHorizonSeconds(settings);

  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 + settings.concurrency, application_name: "outbox-worker" });
  pool.on("error", (error) => log.error("an idle database connection failed", error));
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: PGBOSS_SCHEMA,
    application_name: "pgboss-worker",
    max: 4,
    schedule: options.schedules ?? true,
  });
  boss.on("error", (error) => log.error("the job queue reported an error", error));

  let listener: ChannelListener | null = null;
  let letterListener: ChannelListener | null = null;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(promise: Promise<T>) => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };
  let deliveryWorkers: string[] = [];
  let stopping = false;

  /** Marks rows queued and creates their jobs in one transaction. */
  const handOver = async (take: (q: Queryable) => Promise<string[]>): Promise<number> => {
    const client = await pool.connect();
    let ids: string[] = [];
    try {
      await client.query("BEGIN");
      ids = await take(client);
      if (ids.length) {
        const jobs = ids.map((id) => ({
          name: QUEUES.mail,
          data: { id } satisfies MailJob,
          retryLimit: settings.retryLimit,
          retryDelay: settings.retryDelaySeconds,
          retryBackoff: settings.retryBackoff,
          expireInSeconds: MAIL_JOB_EXPIRE_SECONDS,
        }));
        await boss.insert(jobs, { db: { executeSql: (text, values) => client.query(text, values) } });
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    // This process's idle delivery workers fetch now instead of at their next poll.
    if (ids.length) for (const id of deliveryWorkers) boss.notifyWorker(id);
    return ids.length;
  };

  const relay = (ids: string[]) => {
    if (stopping) return;
    track(handOver((q) => takeNotified(q, ids))).catch((error) =>
      // The rows stay unqueued; the next sweep hands them over.
      log.warn(`handing ${ids.length} notified mail(s) to the queue failed (the sweep retries): ${detail(error)}`),
    );
  };

  const sweep = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await handOver((q) => takeSwept(q, horizon));
      total += n;
      if (n < SWEEP_BATCH || stopping) break;
    }
    if (total) log.info(`sweep: ${total} waiting mail(s) handed to the queue`);
    return total;
  };

  // Letters are written one batch after another, never two at once in one worker.
  let letterRun: Promise<void> = Promise.resolve();
  const writeLetters = (decisionIds?: string[]): Promise<void> => {
    if (stopping || options.letters === false) return letterRun;
    letterRun = letterRun.then(async () => {
      // Stopping: what is still due stays due for the next worker's sweep.
      if (stopping) return;
      // Loaded here, as the reminders are: a fault in the letters never stops mail from going out.
      const { issuePendingLetters, PENDING_LETTER_BATCH } = await import("@/lib/data/letters");
      for (;;) {
        const { issued, failed } = await issuePendingLetters(decisionIds);
        for (const f of failed) log.warn(`the letter of decision ${f.decisionId} was not written (the sweep retries): ${detail(f.error)}`);
        if (!decisionIds && issued) log.info(`sweep: ${issued} waiting decision letter(s) written`);
        // A sweep goes on while it finds full batches that all went well.
        if (decisionIds || stopping || failed.length || issued < PENDING_LETTER_BATCH) break;
      }
    }).catch((error) => log.warn(`writing decision letters failed (the sweep retries): ${detail(error)}`));
    return track(letterRun);
  };

  try {
    await boss.start();
    for (const name of Object.values(QUEUES)) await boss.createQueue(name);

    for (let i = 0; i < settings.concurrency; i++) {
      const id = await boss.work<MailJob>(
        QUEUES.mail,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: settings.pollingIntervalSeconds },
        async ([job]) => {
          if (!job) return;
          const lastAttempt = job.retryCount >= job.retryLimit;
          // Throws to have pg-boss retry with backoff: a failed send (recorded on the row first) or ClaimedElsewhere.
          const result = await deliverOutboxMail(pool, job.data.id, {
            lastAttempt,
            onFailure: ({ code, final, error }) => {
              const message = `mail ${job.data.id} not sent (${code})`;
              if (final) log.error(`${message}; it is FAILED (staff can send it again)`, error);
              else log.warn(`${message}; retry ${job.retryCount + 1} of ${job.retryLimit} follows: ${error instanceof Error ? error.message : String(error)}`);
            },
          });
          return result;
        },
      );
      deliveryWorkers.push(id);
    }
    await boss.work(QUEUES.sweep, { pollingIntervalSeconds: Math.max(settings.pollingIntervalSeconds, 5) }, async () => {
      await track(sweep());
      await writeLetters();
    });
    if (options.reminders ?? true) {
      await boss.work(QUEUES.reminders, { pollingIntervalSeconds: Math.max(settings.pollingIntervalSeconds, 5) }, async () => {
        // Loaded here: a fault in the reminders never stops mail from going out.
        const { queueDueReminders } = await import("@/lib/data/reminders");
        const result = await queueDueReminders(new Date());
        log.info(`reminders: ${JSON.stringify(result)}`);
        return result;
      });
      if (options.schedules ?? true) await boss.schedule(QUEUES.reminders, "0 * * * *", {}, { tz: "Europe/Stockholm" });
    }
    if (options.schedules ?? true) await boss.schedule(QUEUES.sweep, "* * * * *");

    listener = await listen({
      connectionString: options.databaseUrl,
      channel: OUTBOX_CHANNEL,
      onNotify: relay,
      onReconnect: () => void track(sweep()).catch((error) => log.warn(`sweep after reconnecting failed: ${detail(error)}`)),
      onError: (message, error) => log.warn(`${message}${error ? `: ${detail(error)}` : ""}`),
    });
    if (options.letters !== false) {
      letterListener = await listen({
        connectionString: options.databaseUrl,
        channel: LETTER_CHANNEL,
        onNotify: (decisionIds) => void writeLetters(decisionIds),
        onReconnect: () => void writeLetters(),
        onError: (message, error) => log.warn(`${message}${error ? `: ${detail(error)}` : ""}`),
      });
    }
    // Listening first, then sweeping: a mail or a letter committed in between is in one or the other.
    await track(sweep());
    await writeLetters();
  } catch (error) {
    stopping = true;
    await listener?.stop();
    await letterListener?.stop();
    await boss.stop({ graceful: false }).catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  }

  let stopped: Promise<void> | null = null;
  return () =>
    (stopped ??= (async () => {
      stopping = true;
      await listener?.stop();
      await letterListener?.stop();
      deliveryWorkers = [];
      await boss.stop({ graceful: true, timeout: 15_000 });
      await Promise.allSettled([...inFlight]);
      await pool.end();
    })());
}

function definedOnly(options: Partial<WorkerSettings>): Partial<WorkerSettings> {
  const keys: (keyof WorkerSettings)[] = ["retryLimit", "retryDelaySeconds", "retryBackoff", "pollingIntervalSeconds", "concurrency"];
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]])) as Partial<WorkerSettings>;
}
