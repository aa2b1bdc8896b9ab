import os from "node:os";
import path from "node:path";

// How the production server's Node runs, the same for `npm start` and the benchmark.
// V8 sizes its heap from the machine's memory (gigabytes here) and collects
// lazily; a cap keeps the serving process's resident memory in check, and is
// far above what its requests keep alive. PORTAL_MAX_HEAP_MB changes it.
export function portalNodeOptions(env: NodeJS.ProcessEnv): string {
  const heapMb = Number(env.PORTAL_MAX_HEAP_MB ?? 256);
  return [env.NODE_OPTIONS, `--max-old-space-size=${heapMb}`].filter(Boolean).join(" ");
}

/**
 * The background worker's command line, the same for `npm start`, the
 * end-to-end harness and the benchmark: scripts/worker.ts under tsx with React's
 * server condition (the modules it loads start with `import "server-only"`).
 */
export const WORKER_ARGS = [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", path.join("scripts", "worker.ts")];

/** What the worker logs once it listens and has swept (scripts/worker.ts). */
export const WORKER_READY = /\[worker\] ready/;

/**
 * The worker's CPU priority beside the portal (`nice`; WORKER_NICE, default 10,
 * 0 to leave it): its mail and letters can wait a moment, a page cannot. On a
 * machine of its own it makes no difference.
 */
export function lowerWorkerPriority(pid: number | undefined, log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): void {
  const nice = Number(env.WORKER_NICE ?? 10);
  if (!pid || !Number.isInteger(nice) || nice <= 0) return;
  try {
    os.setPriority(pid, Math.min(nice, 19));
  } catch (error) {
    log(`could not lower the worker's priority (${error instanceof Error ? error.message : String(error)}): it runs at the portal's`);
  }
}
