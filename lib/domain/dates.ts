// Calendar arithmetic on date-only strings ("YYYY-MM-DD"). No Date objects and
// no time zones: a deadline is a day in the municipality's calendar, and a Date
// at midnight shifts by a day as soon as a server or browser reads it in
// another time zone.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parts(value: string): { year: number; month: number; day: number } | null {
  const m = DATE_ONLY.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function partsOrThrow(value: string, fn: string): { year: number; month: number; day: number } {
  const p = parts(value);
  if (!p) throw new RangeError(`${fn}: not a date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return p;
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A real calendar day written exactly "YYYY-MM-DD" (years 0001–9999). */
export function isDateOnly(value: unknown): value is string {
  return typeof value === "string" && parts(value) !== null;
}

/** Negative when a is earlier, 0 on the same day, positive when a is later. */
export function compareDateOnly(a: string, b: string): number {
  partsOrThrow(a, "compareDateOnly");
  partsOrThrow(b, "compareDateOnly");
  // Fixed-width, zero-padded: string order is calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `months` calendar months after (or, if negative, before) `dateOnly`, clamped
 * to the end of the target month: 2027-01-31 + 1 → 2027-02-28, 2028-01-31 + 1 → 2028-02-29.
 */
export function addCalendarMonths(dateOnly: string, months: number): string {
  if (!Number.isSafeInteger(months)) throw new RangeError(`addCalendarMonths: months must be an integer, got ${months}`);
  const { year, month, day } = partsOrThrow(dateOnly, "addCalendarMonths");
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < 1 || newYear > 9999) throw new RangeError(`addCalendarMonths: result outside years 0001–9999`);
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/**
 * The last day a follow-up report is on time: `months` after the activity's
 * last day (Piteå: "senast en månad efter"), so the end day itself plus the
 * months, clamped to the month's end.
 */
export function reportDueDate(activityEnd: string, months: number): string {
  if (!Number.isSafeInteger(months) || months < 0) {
    throw new RangeError(`reportDueDate: months must be a whole number >= 0, got ${months}`);
  }
  return addCalendarMonths(activityEnd, months);
}

/** Swedish municipalities keep Swedish time: "today" for opening and closing days is today in Stockholm. */
export const SWEDISH_TIME_ZONE = "Europe/Stockholm";

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day `now` falls on in `timeZone`, as "YYYY-MM-DD". */
export function todayIn(now: Date, timeZone: string = SWEDISH_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD; built once per zone, as constructing one is the costly part.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** Whether `day` lies in the period, both ends included. */
export function isWithinPeriod(day: string, opensOn: string, closesOn: string): boolean {
  return compareDateOnly(opensOn, day) <= 0 && compareDateOnly(day, closesOn) <= 0;
}

/** The calendar day a date column holds (stored as UTC midnight), as "YYYY-MM-DD". */
export function dateOnlyOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
