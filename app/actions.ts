"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { setUserLocale } from "@/lib/data/users";

/** Switches the interface language; remembered in a cookie and on the user. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: false });
  const actor = await getSessionActor();
  if (actor) await setUserLocale(actor, locale);
  revalidatePath("/", "layout");
}
