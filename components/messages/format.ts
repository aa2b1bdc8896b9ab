// Instants in messages: day and time in Swedish time, as the reader's language writes them.
import type { Locale } from "@/lib/i18n/locale";

export function formatMessageTime(instant: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    timeZone: "Europe/Stockholm",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(instant);
}
