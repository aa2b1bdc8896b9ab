// Shared by the schema tests: issues as "path: message" strings, easy to table.
import type { z } from "zod";

export function issuesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}
