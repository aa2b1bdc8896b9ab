import "server-only";
import { authConfig } from "@/lib/auth/config";
import { takeRateLimit } from "@/lib/data/rate-limit";

/** Sign-in mails are limited per address and per IP, whichever is reached first. */
export async function allowSignInRequest({ email, ip }: { email: string; ip: string }): Promise<boolean> {
  const address = email.trim().toLowerCase();
  const byIp = await takeRateLimit(`sign-in:ip:${ip}`, authConfig.signInPerIp, authConfig.signInWindow);
  if (!byIp) return false;
  return takeRateLimit(`sign-in:email:${address}`, authConfig.signInPerAddress, authConfig.signInWindow);
}
