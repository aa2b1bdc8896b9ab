// Texts the browser needs. Client components translate with useI18n(); the
// namespaces they use reach the browser as one script per language
// (app/texts/[file]/route.ts), its address carrying a hash of its content so
// the browser keeps it for good and fetches it again only when a text changes.
// The root layout loads it before the page hydrates (next/script
// beforeInteractive). Pages carry none of these texts: handed to the client
// components as props, they were 60-70% of the case page's HTML and cost a
// third of its throughput (tests/perf). client-texts.test.ts reads every
// client file and fails when one translates from a namespace not listed here.
import { createHash } from "node:crypto";
import { LOCALES, type Locale } from "./locale";
import { messagesFor, type Messages } from "./translate";

export const CLIENT_NAMESPACES: readonly string[] = [
  "admin",
  "allocation",
  "annualReport",
  "application",
  "association",
  "committee",
  "common",
  "contact",
  "decision",
  "errorPage",
  "errors",
  "figures",
  "followUp",
  "grantKind",
  "handling",
  "inbox",
  "messages",
  "nav",
  "outbox",
  "payout",
  "queue",
  "review",
  "signIn",
  "validation",
];

/** Where the browser and the server-side rendering of client components find the texts: `globalThis[CLIENT_TEXTS_GLOBAL][locale]`. */
export const CLIENT_TEXTS_GLOBAL = "__clientTexts";

const subsets = new Map<Locale, Messages>();

/** The client namespaces' texts in one language; English falls back to Swedish key by key, as on the server. */
export function clientMessages(locale: Locale): Messages {
  let subset = subsets.get(locale);
  if (!subset) {
    const namespaces = new Set(CLIENT_NAMESPACES);
    const pick = (messages: Messages) => Object.fromEntries(Object.entries(messages).filter(([key]) => namespaces.has(key.slice(0, key.indexOf(".")))));
    subset = { ...pick(messagesFor("sv")), ...pick(messagesFor(locale)) };
    subsets.set(locale, subset);
  }
  return subset;
}

/** The script that hands the browser one language's texts. */
export function clientTextsScript(locale: Locale): string {
  const global = JSON.stringify(CLIENT_TEXTS_GLOBAL);
  return `(self[${global}]=self[${global}]||{})[${JSON.stringify(locale)}]=${JSON.stringify(clientMessages(locale))};\n`;
}

const files = new Map<Locale, string>();

/** The script's file name: its language and a hash of its content ("sv-1a2b3c4d5e6f.js"). */
export function clientTextsFile(locale: Locale): string {
  let file = files.get(locale);
  if (!file) {
    file = `${locale}-${createHash("sha256").update(clientTextsScript(locale)).digest("hex").slice(0, 12)}.js`;
    files.set(locale, file);
  }
  return file;
}

/** The language whose script a file name is, or null for any other name (an old hash included). */
export function clientTextsLocaleOf(file: string): Locale | null {
  return LOCALES.find((locale) => clientTextsFile(locale) === file) ?? null;
}

// On the server, client components render in this process too: they find the
// texts where the script puts them in the browser.
const store = globalThis as unknown as Record<string, Partial<Record<Locale, Messages>>>;
store[CLIENT_TEXTS_GLOBAL] = Object.fromEntries(LOCALES.map((locale) => [locale, clientMessages(locale)]));
