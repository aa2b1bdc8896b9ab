import "server-only";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locale";
import { translator, type T } from "./translate";

export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const accept = (await headers()).get("accept-language") ?? "";
  // Swedish unless the browser prefers English over Swedish.
  const en = accept.search(/\ben\b/i);
  const sv = accept.search(/\bsv\b/i);
  return en >= 0 && (sv < 0 || en < sv) ? "en" : DEFAULT_LOCALE;
}

export async function getT(): Promise<{ t: T; locale: Locale }> {
  const locale = await getLocale();
  return { t: translator(locale), locale };
}
