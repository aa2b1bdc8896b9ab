import { describe, expect, it } from "vitest";
import { countsRows, parseQueryLog } from "./explain";

describe("parseQueryLog", () => {
  it("keeps the portal's query lines with their parameters and skips everything else", () => {
    const out = [
      "▲ Next.js 16",
      JSON.stringify({ query: 'SELECT 1 FROM "Application" WHERE id = $1', params: '["a"]', ms: 1 }),
      '{"query": cut in the middle',
      JSON.stringify({ query: "select now()", params: "", ms: 0 }),
      "",
    ].join("\n");
    expect(parseQueryLog(out)).toEqual([
      { query: 'SELECT 1 FROM "Application" WHERE id = $1', params: ["a"] },
      { query: "select now()", params: [] },
    ]);
  });
});

describe("countsRows", () => {
  it.each([
    { query: 'SELECT COUNT(*) AS "_count$_all" FROM (SELECT id FROM "Application") sub', expected: true },
    { query: "select count (*) from x", expected: true },
    { query: 'SELECT "id", "accountNumber" FROM "Association" LIMIT $1', expected: false },
  ])("$query → $expected", ({ query, expected }) => {
    expect(countsRows(query)).toBe(expected);
  });
});
