// Reading the audit log: what changed in an event, in a few readable lines,
// and the instants a day-based filter covers. Pure.
import { SWEDISH_TIME_ZONE } from "./dates";

export type Change = { field: string; before: string | null; after: string | null };

/** How long a value may be on one line of the summary; the details show it whole. */
export const CHANGE_VALUE_MAX = 120;

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > CHANGE_VALUE_MAX ? `${text.slice(0, CHANGE_VALUE_MAX - 1)}…` : text;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The fields an event changed, before → after, in the order they first
 * appear (before's fields, then after's new ones). A field with the same
 * value on both sides is left out. A side that is not an object (or is
 * missing) is shown as one field named "".
 */
export function changeSummary(before: unknown, after: unknown): Change[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before != null && !b) || (after != null && !a)) {
    const change = { field: "", before: show(before), after: show(after) };
    return change.before === change.after ? [] : [change];
  }
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return fields.flatMap((field) => {
    const from = b?.[field];
    const to = a?.[field];
    if (JSON.stringify(from) === JSON.stringify(to)) return [];
    return [{ field, before: show(from), after: show(to) }];
  });
}

function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - instant;
}

/**
 * The instant a calendar day ("YYYY-MM-DD") begins in `timeZone` (Swedish
 * time by default): 2026-07-01 → 2026-06-30T22:00:00Z, 2026-01-15 → 2026-01-14T23:00:00Z.
 */
export function startOfDay(day: string, timeZone: string = SWEDISH_TIME_ZONE): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(midnightUtc)) throw new RangeError(`startOfDay: not a date (YYYY-MM-DD): ${JSON.stringify(day)}`);
  // The offset at the guess, then again at the result, in case a clock change lies between.
  const guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  return new Date(midnightUtc - offsetAt(guess, timeZone));
}
