import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { authConfig } from "@/lib/auth/config";
import { normalizeEmailIdentifier } from "@/lib/auth/email-identifier";
import { takeRateLimit } from "@/lib/data/rate-limit";

/**
 * Sign-in mails are limited per address and per IP, whichever is reached
 * first. The address is counted in the form the mail is sent to, so other
 * spellings of one inbox share its limit.
 */
export async function allowSignInRequest({ email, ip }: { email: string; ip: string }): Promise<boolean> {
  const byIp = await takeRateLimit(`sign-in:ip:${ip}`, authConfig.signInPerIp, authConfig.signInWindow);
  if (!byIp) return false;
  const address = normalizeEmailIdentifier(email);
  // Not an address: next-auth refuses it without sending anything.
  if (!address) return true;
  return takeRateLimit(`sign-in:email:${address}`, authConfig.signInPerAddress, authConfig.signInWindow);
}

/**
 * next-auth's own CSRF check (cookie "token|sha256(token+secret)" and the same
 * token in the form), done first so requests it would refuse count towards no limit.
 */
export function hasValidCsrfToken(cookieValue: string | undefined, formToken: string | null, secret: string): boolean {
  if (!cookieValue || !formToken) return false;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash) return false;
  const expected = createHash("sha256").update(`${token}${secret}`).digest("hex");
  const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return same(hash, expected) && same(token, formToken);
}
