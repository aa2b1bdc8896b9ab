"use client";
import { createContext, useContext, useMemo } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { format } from "@/lib/i18n/translate-core";

type Messages = Record<string, string>;
type Ctx = { locale: Locale; messages: Messages };
const I18nContext = createContext<Ctx | null>(null);

/**
 * The texts of the visitor's language: put in place by the script the root
 * layout loads before hydration, and on the server by lib/i18n/client-texts.ts
 * (CLIENT_TEXTS_GLOBAL). A test may hand its own `messages`.
 */
function loadedTexts(locale: Locale): Messages {
  const loaded = (globalThis as unknown as { __clientTexts?: Partial<Record<Locale, Messages>> }).__clientTexts?.[locale];
  if (!loaded) console.error(`The ${locale} texts are not loaded: texts show as their keys.`);
  return loaded ?? {};
}

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages?: Messages; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, messages: messages ?? loadedTexts(locale) }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  const { locale, messages } = ctx;
  const t = (key: string, vars?: Record<string, string | number>) => format(messages[key] ?? key, vars);
  return { t, locale };
}
