"use client";
import { createContext, useContext, useMemo } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { format } from "@/lib/i18n/translate-core";

type Ctx = { locale: Locale; messages: Record<string, string> };
const I18nContext = createContext<Ctx | null>(null);

export function I18nProvider({ locale, messages, children }: Ctx & { children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  const { locale, messages } = ctx;
  const t = (key: string, vars?: Record<string, string | number>) => format(messages[key] ?? key, vars);
  return { t, locale };
}
