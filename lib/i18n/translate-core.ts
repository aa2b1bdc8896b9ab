// Used on both sides of the wire: no dictionaries here, so client bundles stay small.
import { todayIn } from "../domain/dates";

export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

// Built once: constructing an Intl formatter costs far more than formatting with it.
const NUMBER = { sv: new Intl.NumberFormat("sv-SE"), en: new Intl.NumberFormat("en-GB") };
const KRONOR = {
  sv: new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }),
};

/** A number as the language writes it: "10 000" in Swedish, "10,000" in English. */
export function formatNumber(n: number, locale: "sv" | "en"): string {
  return NUMBER[locale].format(n);
}

/** Whole kronor, Swedish style: "10 000 kr". */
export function formatKronor(amount: number, locale: "sv" | "en" = "sv"): string {
  return `${KRONOR[locale === "sv" ? "sv" : "en"].format(amount)} kr`;
}

/** The day an instant falls on in Swedish time, "YYYY-MM-DD" (ISO, as Swedish authorities write dates). */
export function formatDay(instant: Date): string {
  return todayIn(instant);
}
