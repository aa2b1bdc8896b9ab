import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/data/associations";
import { notFound } from "@/lib/errors";
import { readStored } from "@/lib/files/storage";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A file for its association's members, for the coordinator of its
 * municipality, and for its committee members when the application it belongs
 * to has been put to the committee.
 */
export async function getFileForDownload(actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const scopes: Prisma.StoredFileWhereInput[] = [{ association: { memberships: { some: { userId: actor.userId } } } }];
  if (can(actor, "association:review") && actor.municipalityId) scopes.push({ association: { municipalityId: actor.municipalityId } });
  if (can(actor, "consultation:recommend") && actor.municipalityId) {
    scopes.push({
      kind: "APPLICATION_ATTACHMENT",
      application: { municipalityId: actor.municipalityId, consultationCase: { isNot: null } },
      association: { municipality: { committeeMembers: { some: { userId: actor.userId } } } },
    });
  }
  const file = await db.storedFile.findFirst({ where: { id, OR: scopes } });
  if (!file) throw notFound();
  return { name: file.originalName, bytes: await readStored(file.storageKey) };
}
