import { describe, expect, it } from "vitest";
import { DEFAULT_WORKER_SETTINGS, MAIL_JOB_EXPIRE_SECONDS, retryHorizonSeconds, workerSettingsFromEnv } from "./config";

describe("workerSettingsFromEnv", () => {
  it("gives the defaults for an empty environment or blank values", () => {
    expect(workerSettingsFromEnv({})).toEqual(DEFAULT_WORKER_SETTINGS);
    expect(workerSettingsFromEnv({ MAIL_RETRY_LIMIT: " ", MAIL_RETRY_BACKOFF: "" })).toEqual(DEFAULT_WORKER_SETTINGS);
    expect(DEFAULT_WORKER_SETTINGS).toMatchObject({ retryLimit: 10, retryDelaySeconds: 30, retryBackoff: true });
  });

  it.each([
    [{ MAIL_RETRY_LIMIT: "0" }, { retryLimit: 0 }],
    [{ MAIL_RETRY_LIMIT: "50" }, { retryLimit: 50 }],
    [{ MAIL_RETRY_DELAY_SECONDS: "1" }, { retryDelaySeconds: 1 }],
    [{ MAIL_RETRY_DELAY_SECONDS: "86400" }, { retryDelaySeconds: 86_400 }],
    [{ MAIL_RETRY_BACKOFF: "false" }, { retryBackoff: false }],
    [{ MAIL_RETRY_BACKOFF: "NO" }, { retryBackoff: false }],
    [{ MAIL_RETRY_BACKOFF: "1" }, { retryBackoff: true }],
    [{ MAIL_WORKER_CONCURRENCY: "20" }, { concurrency: 20 }],
  ])("reads %j", (env, expected) => {
    expect(workerSettingsFromEnv(env)).toMatchObject(expected);
  });

  it.each([
    ["MAIL_RETRY_LIMIT", "-1"],
    ["MAIL_RETRY_LIMIT", "51"],
    ["MAIL_RETRY_LIMIT", "2.5"],
    ["MAIL_RETRY_LIMIT", "ten"],
    ["MAIL_RETRY_DELAY_SECONDS", "0"],
    ["MAIL_RETRY_DELAY_SECONDS", "86401"],
    ["MAIL_RETRY_BACKOFF", "maybe"],
    ["MAIL_WORKER_CONCURRENCY", "0"],
    ["MAIL_WORKER_CONCURRENCY", "21"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    expect(() => workerSettingsFromEnv({ [name]: value })).toThrow(new RegExp(`^${name} must be`));
  });
});

describe("retryHorizonSeconds", () => {
  const margin = (retries: number) => (retries + 1) * MAIL_JOB_EXPIRE_SECONDS + 3600;

  it("is the margin alone without retries", () => {
    expect(retryHorizonSeconds({ retryLimit: 0, retryDelaySeconds: 30, retryBackoff: true })).toBe(margin(0));
  });

  it("adds the longest wait before each retry: doubling with backoff, the same without", () => {
    // Backoff: pg-boss waits at most delay × 2^n before retry n.
    expect(retryHorizonSeconds({ retryLimit: 3, retryDelaySeconds: 30, retryBackoff: true })).toBe(30 * (2 + 4 + 8) + margin(3));
    expect(retryHorizonSeconds({ retryLimit: 3, retryDelaySeconds: 30, retryBackoff: false })).toBe(90 + margin(3));
  });

  it("stops doubling at 2^16, as pg-boss does", () => {
    const capped = retryHorizonSeconds({ retryLimit: 18, retryDelaySeconds: 1, retryBackoff: true });
    const doubling = Array.from({ length: 16 }, (_, i) => 2 ** (i + 1)).reduce((a, b) => a + b, 0);
    expect(capped).toBe(doubling + 2 * 2 ** 16 + margin(18));
  });

  it("covers the default settings' ten retries in well under a day", () => {
    const hours = retryHorizonSeconds(DEFAULT_WORKER_SETTINGS) / 3600;
    expect(hours).toBeGreaterThan(17);
    expect(hours).toBeLessThan(24);
  });
});
