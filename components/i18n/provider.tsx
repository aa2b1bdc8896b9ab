"use client";
import { createContext, useContext, useMemo } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { format } from "@/lib/i18n/translate-core";

type Ctx = { locale: Locale; messages: Record<string, string> };
const I18nContext = createContext<Ctx | null>(null);

/** Texts for the components below; a nested provider adds its route's texts to those above it. */
export function I18nProvider({ locale, messages, children }: Ctx & { children: React.ReactNode }) {
  const parent = useContext(I18nContext);
  const value = useMemo(() => ({ locale, messages: parent ? { ...parent.messages, ...messages } : messages }), [locale, messages, parent]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  const { locale, messages } = ctx;
  const t = (key: string, vars?: Record<string, string | number>) => format(messages[key] ?? key, vars);
  return { t, locale };
}
