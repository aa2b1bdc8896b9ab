import { describe, expect, it } from "vitest";
import { addCalendarMonths, compareDateOnly, daysInMonth, isDateOnly, isLeapYear, reportDueDate } from "./dates";

describe("isLeapYear / daysInMonth", () => {
  it.each([
    [2028, true],
    [2027, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])("isLeapYear(%i) = %s", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2027, 2, 28],
    [2028, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2027, 1, 31],
    [2027, 4, 30],
    [2027, 6, 30],
    [2027, 9, 30],
    [2027, 11, 30],
    [2027, 12, 31],
  ])("daysInMonth(%i, %i) = %i", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe("isDateOnly", () => {
  it.each<[unknown, boolean]>([
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2027-02-28", true],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2027-04-30", true],
    ["2027-04-31", false],
    ["2027-12-31", true],
    ["2027-12-32", false],
    ["2027-13-01", false],
    ["2027-00-10", false],
    ["2027-01-00", false],
    ["0000-01-01", false],
    ["0001-01-01", true],
    ["9999-12-31", true],
    ["2027-1-5", false],
    ["27-01-05", false],
    ["2027/01/05", false],
    ["20270105", false],
    ["2027-01-05T00:00:00Z", false],
    [" 2027-01-05", false],
    ["", false],
    [null, false],
    [undefined, false],
    [20270105, false],
    [new Date("2027-01-05"), false],
  ])("%j → %s", (value, expected) => {
    expect(isDateOnly(value)).toBe(expected);
  });
});

describe("compareDateOnly", () => {
  it.each([
    ["2027-01-05", "2027-01-05", 0],
    ["2027-01-05", "2027-01-06", -1],
    ["2027-01-06", "2027-01-05", 1],
    ["2027-12-31", "2028-01-01", -1],
    ["2028-02-29", "2028-03-01", -1],
  ])("%s vs %s → %i", (a, b, expected) => {
    expect(compareDateOnly(a, b)).toBe(expected);
  });

  it("throws on a non-date", () => {
    expect(() => compareDateOnly("2027-02-29", "2027-03-01")).toThrow(RangeError);
  });
});

describe("addCalendarMonths", () => {
  it.each([
    // month ends clamp
    ["2027-01-31", 1, "2027-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2100-01-31", 1, "2100-02-28"],
    ["2000-01-31", 1, "2000-02-29"],
    ["2027-01-30", 1, "2027-02-28"],
    ["2027-01-28", 1, "2027-02-28"],
    ["2027-03-31", 1, "2027-04-30"],
    ["2027-05-31", 1, "2027-06-30"],
    ["2027-08-31", 1, "2027-09-30"],
    ["2027-10-31", 1, "2027-11-30"],
    ["2027-03-31", -1, "2027-02-28"],
    ["2028-03-31", -1, "2028-02-29"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2028-02-29", 48, "2032-02-29"],
    ["2027-02-28", 1, "2027-03-28"],
    // year boundaries
    ["2027-12-31", 1, "2028-01-31"],
    ["2027-12-15", 1, "2028-01-15"],
    ["2027-01-15", -1, "2026-12-15"],
    ["2027-11-30", 3, "2028-02-29"],
    ["2027-01-15", 12, "2028-01-15"],
    ["2027-01-15", 25, "2029-02-15"],
    ["2027-01-15", -13, "2025-12-15"],
    // no-op
    ["2027-01-31", 0, "2027-01-31"],
    // range edges
    ["9999-11-30", 1, "9999-12-30"],
    ["0001-02-15", -1, "0001-01-15"],
  ])("%s + %i → %s", (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it.each<[string, number]>([
    ["2027-02-29", 1],
    ["2027-01-31T00:00", 1],
    ["", 1],
    ["2027-01-31", 1.5],
    ["2027-01-31", Number.NaN],
    ["2027-01-31", Number.POSITIVE_INFINITY],
    ["9999-12-01", 1],
    ["0001-01-31", -1],
  ])("throws on %j + %s", (date, months) => {
    expect(() => addCalendarMonths(date, months)).toThrow(RangeError);
  });
});

describe("reportDueDate", () => {
  it.each([
    ["2027-01-31", 1, "2027-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2027-06-15", 1, "2027-07-15"],
    ["2027-12-31", 1, "2028-01-31"],
    ["2027-08-31", 3, "2027-11-30"],
    ["2027-06-15", 0, "2027-06-15"],
  ])("activity ends %s, %i month(s) → %s", (end, months, due) => {
    expect(reportDueDate(end, months)).toBe(due);
  });

  it.each([-1, 0.5])("throws on months = %s", (months) => {
    expect(() => reportDueDate("2027-06-15", months)).toThrow(RangeError);
  });
});
