import "server-only";
import { db } from "@/lib/db";

/**
 * Counts one attempt in `bucket` unless `limit` attempts already fall in the
 * last `windowSeconds`. Serialised per bucket, so parallel requests cannot
 * slip past the limit together.
 */
export async function takeRateLimit(bucket: string, limit: number, windowSeconds: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${bucket}))`;
    const since = new Date(Date.now() - windowSeconds * 1000);
    const used = await tx.rateLimitHit.count({ where: { bucket, at: { gt: since } } });
    if (used >= limit) return false;
    await tx.rateLimitHit.create({ data: { bucket } });
    // Keep the table small: old hits of this bucket are no longer needed.
    await tx.rateLimitHit.deleteMany({ where: { bucket, at: { lte: since } } });
    return true;
  });
}
