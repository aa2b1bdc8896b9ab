"use client";
import { createContext, use, useContext, useMemo } from "react";
import { CLIENT_TEXTS_GLOBAL } from "@/lib/i18n/client-texts-global";
import type { Locale } from "@/lib/i18n/locale";
import { format } from "@/lib/i18n/translate-core";

type Messages = Record<string, string>;
type Ctx = { locale: Locale; messages: Messages };
const I18nContext = createContext<Ctx | null>(null);

const loadedTexts = (locale: Locale): Messages | undefined =>
  (globalThis as unknown as Record<string, Partial<Record<Locale, Messages>> | undefined>)[CLIENT_TEXTS_GLOBAL]?.[locale];

const NONE: Messages = {};
const loading = new Map<string, Promise<void>>();

/**
 * Loads a language's texts script when the page was not loaded with it: after
 * the language is switched, the layout is rendered anew without a reload, and
 * a beforeInteractive script runs only on a page's first load. Settles either
 * way: a script that fails to load leaves the texts showing as their keys
 * rather than the page broken.
 */
function loadTexts(src: string): Promise<void> {
  let promise = loading.get(src);
  if (!promise) {
    promise = new Promise<void>((resolve) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => {
        console.error(`The texts at ${src} did not load: texts show as their keys.`);
        loading.delete(src);
        resolve();
      };
      document.head.appendChild(script);
    });
    loading.set(src, promise);
  }
  return promise;
}

/**
 * The texts of the visitor's language: put in place by the script the root
 * layout loads before hydration (`src`), and on the server by
 * lib/i18n/client-texts.ts (CLIENT_TEXTS_GLOBAL). When they are not there yet
 * (the language was just switched) the script is loaded and the components
 * below wait for it, the page showing what it showed before. A test may hand
 * its own `messages`.
 */
export function I18nProvider({ locale, src, messages, children }: { locale: Locale; src?: string; messages?: Messages; children: React.ReactNode }) {
  const loaded = messages ?? loadedTexts(locale);
  if (!loaded && src && typeof document !== "undefined") use(loadTexts(src));
  const texts = messages ?? loadedTexts(locale) ?? NONE;
  const value = useMemo(() => ({ locale, messages: texts }), [locale, texts]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  const { locale, messages } = ctx;
  const t = (key: string, vars?: Record<string, string | number>) => format(messages[key] ?? key, vars);
  return { t, locale };
}
