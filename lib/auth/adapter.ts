import "server-only";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";

import { db } from "@/lib/db";
import { authConfig } from "@/lib/auth/config";
import type { User } from "@/lib/generated/prisma/client";
import { hashToken } from "@/lib/auth/actor";

/** The signed-in user as the session callback receives it (lib/auth/options.ts). */
export type SessionUser = AdapterUser & Pick<User, "roles" | "municipalityId" | "locale">;

function toAdapterUser(u: User): AdapterUser {
  return { id: u.id, email: u.email, emailVerified: u.emailVerified, name: u.name };
}

/**
 * next-auth's database adapter on our own tables. Beyond the standard one it
 * keeps only the newest sign-in link per address, and ends sessions past the
 * absolute timeout however recently they were used.
 */
export function portalAdapter(): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const created = await db.user.create({
        data: { email: user.email.toLowerCase(), name: user.name ?? null, emailVerified: user.emailVerified },
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const u = await db.user.findUnique({ where: { id } });
      return u && u.active ? toAdapterUser(u) : null;
    },
    async getUserByEmail(email) {
      const u = await db.user.findUnique({ where: { email: email.toLowerCase() } });
      return u && u.active ? toAdapterUser(u) : null;
    },
    async getUserByAccount() {
      // E-mail sign-in only: there are no linked OAuth accounts.
      return null;
    },
    async updateUser(user) {
      const u = await db.user.update({
        where: { id: user.id },
        data: { emailVerified: user.emailVerified ?? undefined, name: user.name ?? undefined },
      });
      return toAdapterUser(u);
    },
    async linkAccount() {
      return undefined;
    },
    // Sessions are stored by the SHA-256 of their token: a copy of the
    // database holds no cookie that signs anyone in.
    async createSession(session) {
      const s = await db.session.create({ data: { ...session, sessionToken: hashToken(session.sessionToken) } });
      return { sessionToken: session.sessionToken, userId: s.userId, expires: s.expires };
    },
    async getSessionAndUser(sessionToken) {
      const s = await db.session.findUnique({ where: { sessionToken: hashToken(sessionToken) }, include: { user: true } });
      if (!s) return null;
      const absoluteEnd = s.createdAt.getTime() + authConfig.absoluteTimeout * 1000;
      if (absoluteEnd <= Date.now() || s.expires.getTime() <= Date.now() || !s.user.active) {
        await db.session.deleteMany({ where: { id: s.id } });
        return null;
      }
      // Never extend past the absolute end.
      const expires = new Date(Math.min(s.expires.getTime(), absoluteEnd));
      const session: AdapterSession = { sessionToken, userId: s.userId, expires };
      // What an Actor needs rides along, so a page learns who is signed in from this one query.
      const user: SessionUser = { ...toAdapterUser(s.user), roles: s.user.roles, municipalityId: s.user.municipalityId, locale: s.user.locale };
      return { session, user };
    },
    async updateSession({ sessionToken, expires }) {
      const s = await db.session.findUnique({ where: { sessionToken: hashToken(sessionToken) } });
      if (!s) return null;
      const absoluteEnd = new Date(s.createdAt.getTime() + authConfig.absoluteTimeout * 1000);
      const capped = expires && expires > absoluteEnd ? absoluteEnd : expires;
      const updated = await db.session.update({ where: { id: s.id }, data: { expires: capped } });
      return { sessionToken, userId: updated.userId, expires: updated.expires };
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken: hashToken(sessionToken) } });
    },
    async createVerificationToken(token) {
      const identifier = token.identifier.toLowerCase();
      // A new link voids every older one for the same address.
      await db.$transaction([
        db.verificationToken.deleteMany({ where: { identifier } }),
        db.verificationToken.create({ data: { ...token, identifier } }),
      ]);
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      // Delete-and-return in one statement: of two simultaneous uses only one gets the row.
      const rows = await db.$queryRaw<{ identifier: string; token: string; expires: Date }[]>`
        delete from "VerificationToken" where token = ${token} and identifier = ${identifier.toLowerCase()}
        returning identifier, token, expires`;
      return rows[0] ?? null;
    },
  };
}
