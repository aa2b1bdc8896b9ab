import { describe, expect, it } from "vitest";
import { assertWholeKronor, isWholeKronor } from "./money";

describe("isWholeKronor / assertWholeKronor", () => {
  it.each<[unknown, boolean, "TypeError" | "RangeError" | null]>([
    [0, true, null],
    [1, true, null],
    [10_000, true, null],
    [Number.MAX_SAFE_INTEGER, true, null],
    [Number.MAX_SAFE_INTEGER + 1, false, "TypeError"],
    [-1, false, "RangeError"],
    [-0, true, null],
    [0.5, false, "TypeError"],
    [1500.5, false, "TypeError"],
    [Number.NaN, false, "TypeError"],
    [Number.POSITIVE_INFINITY, false, "TypeError"],
    ["1500", false, "TypeError"],
    [null, false, "TypeError"],
  ])("%s → %s", (value, valid, error) => {
    expect(isWholeKronor(value)).toBe(valid);
    const run = () => assertWholeKronor(value as number, "amount");
    if (error === null) expect(run).not.toThrow();
    else expect(run).toThrow(error === "TypeError" ? TypeError : RangeError);
  });
});
