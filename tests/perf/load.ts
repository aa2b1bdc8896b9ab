// The benchmark's load generator: N clients, each with its own kept-alive
// connection, sending one request after another for a fixed time (or until
// the scenario runs out of work), timing each response to its last byte.
import http from "node:http";

export type Call = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Statuses that count as success. */
  expect?: number[];
  /** Called with the response body of a successful call. */
  onBody?: (body: string) => void;
};

export type RoundStats = {
  requests: number;
  errors: number;
  seconds: number;
  /** Successful requests per second. */
  throughput: number;
  medianMs: number;
  p95Ms: number;
  /** The first failure, to show what went wrong. */
  firstError?: string;
};

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function send(agent: http.Agent, base: URL, call: Call): Promise<{ status: number; body: string }> {
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: call.method ?? "GET",
        path: call.path,
        headers: {
          accept: payload ? "application/json" : "text/html",
          ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
          ...call.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/**
 * Runs `clients` loops for `durationMs`; `next(client)` gives each loop its
 * next call, or null when there is no more work. Latency is measured from
 * sending to the response's last byte.
 */
export async function runRound(baseUrl: string, clients: number, durationMs: number, next: (client: number) => Call | null): Promise<RoundStats> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async (client: number) => {
    while (performance.now() < deadline) {
      const call = next(client);
      if (!call) return;
      const t0 = performance.now();
      try {
        const res = await send(agent, base, call);
        const ms = performance.now() - t0;
        if ((call.expect ?? [200]).includes(res.status)) {
          latencies.push(ms);
          call.onBody?.(res.body);
        } else {
          errors += 1;
          firstError ??= `${call.method ?? "GET"} ${call.path}: HTTP ${res.status} ${res.body.slice(0, 300)}`;
        }
      } catch (error) {
        errors += 1;
        firstError ??= `${call.method ?? "GET"} ${call.path}: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => loop(i)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    seconds,
    throughput: sorted.length / seconds,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    firstError,
  };
}
