import { describe, expect, it } from "vitest";
import { en, sv } from "./index";

describe("interface texts", () => {
  it("exist in English for every Swedish text, and no more", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it("are never empty", () => {
    for (const [key, text] of [...Object.entries(sv), ...Object.entries(en)]) expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(sv)) expect(vars(en[key] ?? ""), key).toEqual(vars(sv[key]!));
  });
});
