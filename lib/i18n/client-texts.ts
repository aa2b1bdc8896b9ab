// Texts the browser needs, per route. Client components translate with
// useI18n(); rather than every page carrying all of the portal's texts (80 KB
// of every page's HTML), the root layout hands the browser the namespaces
// every page's client parts use and each route's layout adds its own
// (<ClientTexts route="…">). client-texts.test.ts reads every client file and
// fails when one translates from a namespace its route is not handed.
import type { Locale } from "./locale";
import { messagesFor, type Messages } from "./translate";

export const CLIENT_TEXTS: Record<string, readonly string[]> = {
  "": ["common", "errorPage", "errors"],
  admin: ["admin", "validation"],
  "admin/programs": ["followUp"],
  "applications/new": ["application", "grantKind", "validation"],
  "applications/[id]": ["application", "decision", "handling", "messages", "validation"],
  "applications/[id]/edit": ["grantKind", "nav"],
  "applications/[id]/report": ["followUp", "nav"],
  "associations/new": ["association", "validation"],
  "associations/[id]": ["association", "review", "validation"],
  "associations/[id]/annual-reports": ["annualReport"],
  "committee/[applicationId]": ["committee", "validation"],
  contact: ["contact", "validation"],
  "coordinator/allocations": ["allocation", "handling", "validation"],
  "coordinator/annual-reports": ["annualReport", "validation"],
  "coordinator/figures": ["figures"],
  "coordinator/mail": ["outbox", "validation"],
  "coordinator/messages": ["inbox", "validation"],
  "coordinator/payouts": ["payout", "validation"],
  "coordinator/queue": ["handling", "queue", "validation"],
  "coordinator/reports/[id]": ["followUp", "validation"],
  "sign-in": ["signIn", "validation"],
};

const cache = new Map<string, Messages>();

/** The texts a route's layout hands the browser, in the visitor's language. */
export function clientMessages(locale: Locale, route: string): Messages {
  const cacheKey = `${locale}:${route}`;
  let subset = cache.get(cacheKey);
  if (!subset) {
    const namespaces = new Set(CLIENT_TEXTS[route] ?? []);
    subset = Object.fromEntries(Object.entries(messagesFor(locale)).filter(([key]) => namespaces.has(key.slice(0, key.indexOf(".")))));
    cache.set(cacheKey, subset);
  }
  return subset;
}
