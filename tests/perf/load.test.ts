import { describe, expect, it } from "vitest";
import { median, percentile } from "./load";

describe("percentile (nearest rank, of sorted latencies)", () => {
  it.each([
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 50, expected: 5 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 95, expected: 10 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), p: 95, expected: 95 },
    { values: [7], p: 95, expected: 7 },
    { values: [], p: 50, expected: NaN },
  ])("p$p of $values.length values is $expected", ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe("median (of the rounds' figures)", () => {
  it.each([
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [NaN, 5, Infinity], expected: 5 },
    { values: [], expected: NaN },
  ])("median of $values is $expected", ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});
