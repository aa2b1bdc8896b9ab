import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { can, type Permission } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors";
import type { Locale, Role } from "@/lib/generated/prisma/enums";

/** Whoever is acting: a signed-in user, or a user through a personal API token. */
export type Actor = {
  userId: string;
  email: string;
  name: string | null;
  roles: Role[];
  municipalityId: string | null;
  locale: Locale;
  via: "session" | "token";
};

export const actorSelect = { id: true, email: true, name: true, roles: true, municipalityId: true, locale: true, active: true } as const;

export function toActor(u: { id: string; email: string; name: string | null; roles: Role[]; municipalityId: string | null; locale: Locale }, via: Actor["via"]): Actor {
  return { userId: u.id, email: u.email, name: u.name, roles: u.roles, municipalityId: u.municipalityId, locale: u.locale, via };
}

/** The staff member's municipality; a user without one reaches none of its rows. */
export function requireMunicipality(actor: Actor): string {
  if (!actor.municipalityId) throw notFound();
  return actor.municipalityId;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

// Personal API tokens: shown once, stored as a SHA-256 hash.
const TOKEN_PREFIX = "ub_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export async function actorFromBearer(authorization: string | null): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]?.startsWith(TOKEN_PREFIX)) return null;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: actorSelect } },
  });
  if (!found || found.revokedAt || !found.user.active) return null;
  // Write last use at most once a minute, not on every request.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return toActor(found.user, "token");
}
