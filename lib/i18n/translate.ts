// Flat dictionaries keyed by dotted names ("nav.home"); Swedish is the source
// language, English falls back to Swedish, a missing key shows itself.
import type { Locale } from "./locale";
import { format } from "./translate-core";

export { format, formatKronor } from "./translate-core";
import { en, sv } from "./messages";

export type Messages = Record<string, string>;

const dictionaries: Record<Locale, Messages> = {
  sv,
  en,
};

export function messagesFor(locale: Locale): Messages {
  return dictionaries[locale];
}

export function translate(locale: Locale, key: string, vars?: Record<string, string | number>): string {
  const template = dictionaries[locale][key] ?? dictionaries.sv[key] ?? key;
  return format(template, vars);
}

export type T = (key: string, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): T {
  return (key, vars) => translate(locale, key, vars);
}

