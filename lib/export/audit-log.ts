// The filtered audit log as a table to export, with Swedish headers.
import type { AuditEventRow } from "@/lib/data/audit-log";
import { translate } from "@/lib/i18n/translate";
import type { Table } from "./table";

/** An instant in Swedish time to the second, "2026-11-25 14:03:09". */
export function formatInstant(instant: Date): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(instant);
}

/** The action's readable name in `locale`, or its code when it has none. */
export function actionLabel(action: string, locale: "sv" | "en" = "sv"): string {
  const key = `audit.action.${action}`;
  const text = translate(locale, key);
  return text === key ? action : text;
}

const VIA = { user: "Inloggad", "api-token": "API-token", system: "Systemet" } as const;

export function auditTable(rows: readonly AuditEventRow[], opts: { truncated: boolean }): Table {
  return {
    title: opts.truncated ? "Händelselogg (de senaste)" : "Händelselogg",
    header: ["Tidpunkt", "Vem", "E-post", "Via", "Händelse", "Händelsekod", "Objekttyp", "Objekt", "Objekt-id", "Ändringar", "Före", "Efter"],
    rows: rows.map((r) => [
      formatInstant(r.at),
      r.actor.kind === "system" ? "Systemet" : (r.actor.name ?? ""),
      r.actor.email ?? "",
      VIA[r.actor.kind],
      actionLabel(r.action),
      r.action,
      r.entityType,
      r.entityLabel ?? "",
      r.entityId,
      r.changes.map((c) => `${c.field ? `${c.field}: ` : ""}${c.before ?? "–"} → ${c.after ?? "–"}`).join("; "),
      r.before == null ? "" : JSON.stringify(r.before),
      r.after == null ? "" : JSON.stringify(r.after),
    ]),
    widths: [20, 24, 30, 11, 34, 30, 16, 24, 38, 60, 40, 40],
  };
}
