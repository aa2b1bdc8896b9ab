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
