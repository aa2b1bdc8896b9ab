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
import { CLIENT_TEXTS_GLOBAL } from "./client-texts-global";
import { isLocale, LOCALES, type Locale } from "./locale";
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

const scripts = new Map<Locale, { script: string; file: string }>();

function built(locale: Locale) {
  let entry = scripts.get(locale);
  if (!entry) {
    const global = JSON.stringify(CLIENT_TEXTS_GLOBAL);
    const script = `(self[${global}]=self[${global}]||{})[${JSON.stringify(locale)}]=${JSON.stringify(clientMessages(locale))};\n`;
    entry = { script, file: `${locale}-${createHash("sha256").update(script).digest("hex").slice(0, 12)}.js` };
    scripts.set(locale, entry);
  }
  return entry;
}

/** The script that hands the browser one language's texts. */
export function clientTextsScript(locale: Locale): string {
  return built(locale).script;
}

/** The script's file name: its language and a hash of its content ("sv-1a2b3c4d5e6f.js"). */
export function clientTextsFile(locale: Locale): string {
  return built(locale).file;
}

/**
 * What a file name asks for: this version's script of a language (`current`),
 * or one of another version's (a page from a server running an older or newer
 * version, while one is deployed), or nothing (null).
 */
export function clientTextsRequest(file: string): { locale: Locale; current: boolean } | null {
  const locale = /^([a-z]{2})-[0-9a-f]{12}\.js$/.exec(file)?.[1];
  if (!isLocale(locale)) return null;
  return { locale, current: clientTextsFile(locale) === file };
}

// On the server, client components render in this process too: they find the
// texts where the script puts them in the browser.
const store = globalThis as unknown as Record<string, Partial<Record<Locale, Messages>>>;
store[CLIENT_TEXTS_GLOBAL] = Object.fromEntries(LOCALES.map((locale) => [locale, clientMessages(locale)]));
