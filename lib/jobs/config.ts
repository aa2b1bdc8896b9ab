// The background worker's settings, read from the environment (README:
// Configuration). Pure: an env object in, settings or an error naming the
// variable out.

/** process.env, or a plain object in tests. */
export type Env = Record<string, string | undefined>;

export type WorkerSettings = {
  /** Attempts after the first before a mail is FAILED. */
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelaySeconds: number;
  /** Each retry waits about twice as long as the one before. */
  retryBackoff: boolean;
  /** How often an idle worker looks for jobs other processes created. */
  pollingIntervalSeconds: number;
  /** Mails this process sends at the same time. */
  concurrency: number;
};

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  retryLimit: 10,
  retryDelaySeconds: 30,
  retryBackoff: true,
  pollingIntervalSeconds: 2,
  concurrency: 2,
};

/** A delivery job running longer than this is given up (and retried); the SMTP timeouts are far shorter. */
export const MAIL_JOB_EXPIRE_SECONDS = 300;
/** A claim older than this is a worker that died mid-send: another attempt may take the mail. Longer than a job may run. */
export const CLAIM_STALE_SECONDS = 600;
/** The sweep releases claims older than this whose job did not come back. */
export const CLAIM_ABANDONED_SECONDS = 3600;

export class WorkerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerConfigError";
  }
}

function integer(env: Env, name: string, min: number, max: number): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new WorkerConfigError(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  }
  return value;
}

function boolean(env: Env, name: string): boolean | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  if (/^(true|1|yes)$/i.test(text)) return true;
  if (/^(false|0|no)$/i.test(text)) return false;
  throw new WorkerConfigError(`${name} must be true or false, not ${JSON.stringify(text)}`);
}

/** The settings the environment gives, each within its bounds; throws WorkerConfigError naming a bad variable. */
export function workerSettingsFromEnv(env: Env): WorkerSettings {
  const d = DEFAULT_WORKER_SETTINGS;
  return {
    retryLimit: integer(env, "MAIL_RETRY_LIMIT", 0, 50) ?? d.retryLimit,
    retryDelaySeconds: integer(env, "MAIL_RETRY_DELAY_SECONDS", 1, 86_400) ?? d.retryDelaySeconds,
    retryBackoff: boolean(env, "MAIL_RETRY_BACKOFF") ?? d.retryBackoff,
    pollingIntervalSeconds: d.pollingIntervalSeconds,
    concurrency: integer(env, "MAIL_WORKER_CONCURRENCY", 1, 20) ?? d.concurrency,
  };
}

/**
 * The longest a mail's retries can take (pg-boss waits at most delay × 2^n
 * before retry n with backoff, n capped at 16), plus every attempt running
 * to its time limit and an hour's margin. A mail still PENDING this long after
 * it was handed to the queue has lost its job; the sweep hands it over again.
 */
export function retryHorizonSeconds(s: Pick<WorkerSettings, "retryLimit" | "retryDelaySeconds" | "retryBackoff">): number {
  let waiting = 0;
  for (let retry = 1; retry <= s.retryLimit; retry++) {
    waiting += s.retryBackoff ? Math.max(s.retryDelaySeconds, 1) * 2 ** Math.min(16, retry) : s.retryDelaySeconds;
  }
  return waiting + (s.retryLimit + 1) * MAIL_JOB_EXPIRE_SECONDS + 3600;
}
