import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/locale";

export async function setUserLocale(actor: Actor, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: actor.userId }, data: { locale } });
}
