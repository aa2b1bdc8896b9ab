import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { portalAdapter, type SessionUser } from "@/lib/auth/adapter";
import { authConfig } from "@/lib/auth/config";
import { appUrl } from "@/lib/env";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { normalizeEmailIdentifier } from "@/lib/auth/email-identifier";
import { queueMail } from "@/lib/mail/outbox";
import { signInLink } from "@/lib/mail/templates";

/** The mail links to a page with a button: a scanner that only fetches the link cannot use it up. */
export function confirmUrl(callbackUrl: string): string {
  const original = new URL(callbackUrl);
  const confirm = new URL("/sign-in/confirm", appUrl());
  for (const key of ["token", "email", "callbackUrl"]) {
    const value = original.searchParams.get(key);
    if (value) confirm.searchParams.set(key, value);
  }
  return confirm.toString();
}

export const authOptions: NextAuthOptions = {
  adapter: portalAdapter(),
  secret: process.env.AUTH_SECRET,
  session: {
    strategy: "database",
    maxAge: authConfig.idleTimeout,
    // Extend the idle timeout at most once a minute.
    updateAge: 60,
  },
  pages: {
    signIn: "/sign-in",
    verifyRequest: "/sign-in/check-email",
    error: "/sign-in/error",
  },
  providers: [
    EmailProvider({
      maxAge: authConfig.signInLinkLifetime,
      normalizeIdentifier(identifier) {
        const address = normalizeEmailIdentifier(identifier);
        if (!address) throw new Error("Invalid email address");
        return address;
      },
      async sendVerificationRequest({ identifier, url, expires }) {
        const user = await db.user.findUnique({ where: { email: identifier }, select: { locale: true } });
        const mail = signInLink({
          url: confirmUrl(url),
          minutesValid: Math.round(authConfig.signInLinkLifetime / 60),
          locale: user?.locale ?? "sv",
        });
        // Through the outbox like every mail: the link is erased once sent, and never sent after it has run out.
        await db.$transaction((tx) =>
          queueMail(tx, [{ to: identifier, ...mail, kind: "auth.sign-in", municipalityId: null, sensitive: true, expiresAt: expires }]),
        );
      },
    }),
  ],
  callbacks: {
    // After sign-in, only paths on this site: never an open redirect.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl, "/my")}`;
    },
    async signIn({ user }) {
      // A deactivated user gets the same mail as anyone, but cannot complete sign-in.
      const existing = await db.user.findUnique({ where: { email: String(user.email).toLowerCase() }, select: { active: true } });
      return existing ? existing.active : true;
    },
    async session({ session, user }) {
      const { roles, municipalityId, locale } = user as SessionUser;
      return { ...session, user: { ...session.user, id: user.id, roles, municipalityId, locale } };
    },
  },
};
