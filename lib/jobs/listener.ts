import "server-only";
// LISTEN on one PostgreSQL channel with a connection of its own, reconnecting
// when it drops. Notices sent while it was away are lost, so `onReconnect`
// runs after every reconnect (the worker sweeps then).
import pg from "pg";

export type ChannelListener = { stop(): Promise<void> };

export async function listen(opts: {
  connectionString: string;
  channel: string;
  /** Payloads that arrived together (deduplicated), at most every few milliseconds. */
  onNotify: (payloads: string[]) => void;
  onReconnect: () => void;
  onError: (message: string, error: unknown) => void;
}): Promise<ChannelListener> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryDelay = 1_000;
  let pending = new Set<string>();
  let flushTimer: NodeJS.Timeout | null = null;

  const flush = () => {
    flushTimer = null;
    const payloads = [...pending];
    pending = new Set();
    if (payloads.length) opts.onNotify(payloads);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: opts.connectionString, application_name: "outbox-listener" });
    next.on("notification", (message) => {
      if (message.channel !== opts.channel || !message.payload) return;
      pending.add(message.payload);
      // Mails queued in one transaction arrive together: hand them over as one batch.
      flushTimer ??= setTimeout(flush, 5);
    });
    const lost = (error?: unknown) => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners("notification");
      void next.end().catch(() => undefined);
      if (stopped) return;
      opts.onError(`the ${opts.channel} listener lost its connection; reconnecting`, error);
      schedule();
    };
    next.on("error", lost);
    next.on("end", () => lost());
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(opts.channel)}`);
    } catch (error) {
      void next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    retryDelay = 1_000;
  };

  const schedule = () => {
    retryTimer = setTimeout(async () => {
      retryTimer = null;
      if (stopped) return;
      try {
        await connect();
        opts.onReconnect();
      } catch (error) {
        retryDelay = Math.min(retryDelay * 2, 30_000);
        opts.onError(`the ${opts.channel} listener could not reconnect; trying again in ${retryDelay / 1000} s`, error);
        schedule();
      }
    }, retryDelay);
  };

  await connect();

  return {
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (flushTimer) clearTimeout(flushTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
