// How the production server's Node runs, the same for `npm start` and the benchmark.
// V8 sizes its heap from the machine's memory (gigabytes here) and collects
// lazily; a cap keeps the serving process's resident memory in check, and is
// far above what its requests keep alive. PORTAL_MAX_HEAP_MB changes it.
export function portalNodeOptions(env: NodeJS.ProcessEnv): string {
  const heapMb = Number(env.PORTAL_MAX_HEAP_MB ?? 256);
  return [env.NODE_OPTIONS, `--max-old-space-size=${heapMb}`].filter(Boolean).join(" ");
}
