import { describe, expect, it } from "vitest";
import { normalizeEmailIdentifier } from "./email-identifier";

describe("normalizeEmailIdentifier", () => {
  it.each<[string, string | null]>([
    ["Anna@Forening.se", "anna@forening.se"],
    ["  anna@forening.se ", "anna@forening.se"],
    ["ａｎｎａ@forening.se", "anna@forening.se"],
    ["anna.b+bidrag@pitea.example", "anna.b+bidrag@pitea.example"],
    // Forms that would reach the same inbox under another spelling, or several inboxes.
    ["anna@forening.se,1", null],
    ["anna@forening.se, bo@x.se", null],
    ['"anna"@forening.se', null],
    ["anna@@forening.se", null],
    ["anna forening@x.se", null],
    ["anna@forening", null],
    ["anna@forening.se\r\nBcc: x@y.se", null],
    ["", null],
    [`${"a".repeat(250)}@x.se`, null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeEmailIdentifier(input)).toBe(expected);
  });
});
