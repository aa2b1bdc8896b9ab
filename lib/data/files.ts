import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/data/associations";
import { notFound } from "@/lib/errors";
import { readStored } from "@/lib/files/storage";

/** A file for its association's members, and for the coordinator of its municipality. */
export async function getFileForDownload(actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const staffScope = can(actor, "association:review") && actor.municipalityId ? [{ association: { municipalityId: actor.municipalityId } }] : [];
  const file = await db.storedFile.findFirst({
    where: { id, OR: [{ association: { memberships: { some: { userId: actor.userId } } } }, ...staffScope] },
  });
  if (!file) throw notFound();
  return { name: file.originalName, bytes: await readStored(file.storageKey) };
}
