import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  municipalityId?: string | null;
  before?: unknown;
  after?: unknown;
};

function json(value: unknown): Prisma.InputJsonValue | undefined {
  // Dates and the like become plain JSON the way the API shows them.
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** Records who did what, when, with the state before and after; written in the caller's transaction. */
export async function audit(tx: Tx, actor: Actor | "system", entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor === "system" ? null : actor.userId,
      actorKind: actor === "system" ? "system" : actor.via === "token" ? "api-token" : "user",
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      municipalityId: entry.municipalityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
