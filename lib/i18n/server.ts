import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locale";
import { translator, type T } from "./translate";

/** Swedish unless the visitor chose English (the choice is kept in a cookie). */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
}

export async function getT(): Promise<{ t: T; locale: Locale }> {
  const locale = await getLocale();
  return { t: translator(locale), locale };
}
