import "server-only";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { actorSelect, toActor, type Actor } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/errors";

// The signed-in user as an Actor. Kept apart from lib/auth/actor.ts so the
// service layer (and the CLI, which runs it outside Next) never loads next-auth.

export async function getSessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: actorSelect });
  return user?.active ? toActor(user, "session") : null;
}

export async function requireSessionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw new ServiceError("UNAUTHENTICATED");
  return actor;
}
