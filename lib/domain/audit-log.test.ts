import { describe, expect, it } from "vitest";
import { CHANGE_VALUE_MAX, changeSummary, startOfDay } from "./audit-log";

describe("changeSummary", () => {
  it.each<[string, unknown, unknown, ReturnType<typeof changeSummary>]>([
    ["a status change", { status: "SUBMITTED" }, { status: "APPROVED" }, [{ field: "status", before: "SUBMITTED", after: "APPROVED" }]],
    [
      "unchanged fields are left out",
      { status: "DRAFT", title: "Körresa" },
      { status: "SUBMITTED", title: "Körresa" },
      [{ field: "status", before: "DRAFT", after: "SUBMITTED" }],
    ],
    ["a field added", null, { amount: 9_000 }, [{ field: "amount", before: null, after: "9000" }]],
    ["a field removed", { fileId: "f1", name: "budget.pdf" }, undefined, [
      { field: "fileId", before: "f1", after: null },
      { field: "name", before: "budget.pdf", after: null },
    ]],
    ["nested values as JSON", { lines: [] }, { lines: [{ label: "Resor", amount: 5 }] }, [{ field: "lines", before: "[]", after: '[{"label":"Resor","amount":5}]' }]],
    ["nothing on either side", null, null, []],
    ["a plain value", "PENDING", "VERIFIED", [{ field: "", before: "PENDING", after: "VERIFIED" }]],
  ])("%s", (_name, before, after, expected) => {
    expect(changeSummary(before, after)).toEqual(expected);
  });

  it("shortens long values to one line's worth", () => {
    const [change] = changeSummary({ text: "" }, { text: "x".repeat(500) });
    expect(change!.after).toHaveLength(CHANGE_VALUE_MAX);
    expect(change!.after!.endsWith("…")).toBe(true);
  });
});

describe("startOfDay", () => {
  it.each<[string, string]>([
    ["2026-01-15", "2026-01-14T23:00:00.000Z"],
    ["2026-07-01", "2026-06-30T22:00:00.000Z"],
    // The days clocks change: midnight is still before the change at 02:00/03:00.
    ["2026-03-29", "2026-03-28T23:00:00.000Z"],
    ["2026-10-25", "2026-10-24T22:00:00.000Z"],
    ["2026-03-30", "2026-03-29T22:00:00.000Z"],
  ])("%s begins at %s", (day, instant) => {
    expect(startOfDay(day).toISOString()).toBe(instant);
  });

  it("refuses what is not a day", () => {
    expect(() => startOfDay("igår")).toThrow(RangeError);
  });
});
