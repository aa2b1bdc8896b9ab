// Used on both sides of the wire: no dictionaries here, so client bundles stay small.
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

// Built once: constructing an Intl formatter costs far more than formatting with it.
const KRONOR = {
  sv: new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }),
};
const SWEDISH_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

/** Whole kronor, Swedish style: "10 000 kr". */
export function formatKronor(amount: number, locale: "sv" | "en" = "sv"): string {
  return `${KRONOR[locale === "sv" ? "sv" : "en"].format(amount)} kr`;
}

/** The day an instant falls on in Swedish time, "YYYY-MM-DD" (ISO, as Swedish authorities write dates). */
export function formatDay(instant: Date): string {
  return SWEDISH_DAY.format(instant);
}
