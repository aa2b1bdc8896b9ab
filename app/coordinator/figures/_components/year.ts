import { todayIn } from "@/lib/domain/dates";

/** The program year asked for, or this year's, or the latest there is. */
export function chosenYear(asked: string | undefined, years: readonly { year: number }[], now = new Date()): number | null {
  if (asked && /^\d{4}$/.test(asked)) return Number(asked);
  const thisYear = Number(todayIn(now).slice(0, 4));
  return years.find((y) => y.year === thisYear)?.year ?? years[0]?.year ?? null;
}
