import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { toActor, type Actor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/adapter";
import { ServiceError } from "@/lib/errors";

// The signed-in user as an Actor. Kept apart from lib/auth/actor.ts so the
// service layer (and the CLI, which runs it outside Next) never loads next-auth.

// The adapter read the session and its user in one query (deactivated users have
// none); the layout, the page and its metadata share that one reading per request.
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as (Partial<SessionUser> & { email?: string | null; name?: string | null }) | undefined;
  if (!user?.id || !user.email || !user.roles || user.municipalityId === undefined || !user.locale) return null;
  return toActor({ id: user.id, email: user.email, name: user.name ?? null, roles: user.roles, municipalityId: user.municipalityId, locale: user.locale }, "session");
});

export async function requireSessionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) throw new ServiceError("UNAUTHENTICATED");
  return actor;
}
