// Server-side logging: full detail in the log, never in a response.
export function logError(message: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[${new Date().toISOString()}] ${message}: ${detail}`);
}
