import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const ORIGIN = "https://bidrag.pitea.example";

describe("safeCallbackPath", () => {
  it.each<[string | undefined, string]>([
    [undefined, "/my"],
    ["", "/my"],
    ["/applications/new", "/applications/new"],
    ["/invitations/abc?x=1", "/invitations/abc?x=1"],
    [`${ORIGIN}/coordinator`, "/coordinator"],
    ["//evil.example", "/my"],
    ["/\\evil.example", "/my"],
    ["/\tevil.example", "/my"],
    ["/\t/evil.example", "/my"],
    ["\\\\evil.example", "/my"],
    ["https://evil.example/my", "/my"],
    ["http://bidrag.pitea.example/my", "/my"],
    ["javascript:alert(1)", "/my"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("%j → %s", (input, expected) => {
    expect(safeCallbackPath(input, ORIGIN)).toBe(expected);
  });
});
