// The browser gets the texts of the namespaces client components translate
// from, in one cached script per language (lib/i18n/client-texts.ts). This test
// reads every client file and fails when one uses a namespace not in the list,
// so a text can never show as its bare key because the list was forgotten.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages, clientTextsFile, clientTextsRequest, clientTextsScript } from "./client-texts";
import { CLIENT_TEXTS_GLOBAL } from "./client-texts-global";
import { en, sv } from "./messages";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NAMESPACES = new Set(Object.keys(sv).map((key) => key.split(".")[0]!));

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const files = [...sources("app"), ...sources("components")].map((file) => ({ file, text: readFileSync(path.join(ROOT, file), "utf8") }));
const clientFiles = files.filter((f) => /^\s*["']use client["']/.test(f.text));

/** The namespaces a client file translates from: every literal that names a text, every `ns.${…}` template. */
function namespacesUsed(text: string): Set<string> {
  const used = new Set<string>();
  if (!text.includes("useI18n")) return used;
  for (const [, literal] of text.matchAll(/["'`]([a-z][a-zA-Z]*\.[\w.]+)["'`]/g)) if (literal! in sv) used.add(literal!.split(".")[0]!);
  for (const [, ns] of text.matchAll(/`([a-z][a-zA-Z]*)\.(?:[\w.]*)\$\{/g)) if (NAMESPACES.has(ns!)) used.add(ns!);
  // Answers from the server carry "errors.*" and "validation.*" keys, and so do the shared schemas a form validates with.
  if (/fieldErrors|formError|zodResolver|useAction/.test(text)) ["errors", "validation"].forEach((ns) => used.add(ns));
  return used;
}

describe("texts handed to the browser", () => {
  it("cover every namespace a client component translates from", () => {
    const listed = new Set(CLIENT_NAMESPACES);
    const missing = clientFiles.flatMap(({ file, text }) => [...namespacesUsed(text)].filter((ns) => !listed.has(ns)).map((ns) => `${file}: ${ns}`));
    expect(missing).toEqual([]);
  });

  it("name only namespaces that exist, and leave the server's own out", () => {
    for (const ns of CLIENT_NAMESPACES) expect(NAMESPACES.has(ns), ns).toBe(true);
    expect(Object.keys(clientMessages("sv")).some((key) => key.startsWith("audit."))).toBe(false);
  });

  it("reach the browser as a script that puts the visitor's language in place, English falling back to Swedish", () => {
    const browser = vm.createContext({}) as Record<string, unknown>;
    browser.self = browser;
    vm.runInContext(clientTextsScript("en"), browser);
    vm.runInContext(clientTextsScript("sv"), browser);
    const loaded = browser[CLIENT_TEXTS_GLOBAL] as Record<string, Record<string, string>>;
    expect(loaded.en!["queue.consultSelected"]).toBe("Put the selected to the committee");
    expect(loaded.sv!["errors.INTERNAL"]).toBe(sv["errors.INTERNAL"]);
    const untranslated = Object.keys(sv).find((key) => CLIENT_NAMESPACES.includes(key.split(".")[0]!) && !(key in en));
    if (untranslated) expect(loaded.en![untranslated]).toBe(sv[untranslated]);
  });

  it("are found under a name that changes with their content, and under no other", () => {
    expect(clientTextsFile("sv")).toMatch(/^sv-[0-9a-f]{12}\.js$/);
    expect(clientTextsFile("en")).not.toBe(clientTextsFile("sv").replace("sv-", "en-"));
    expect(clientTextsRequest(clientTextsFile("en"))).toEqual({ locale: "en", current: true });
    expect(clientTextsRequest("sv-000000000000.js")).toEqual({ locale: "sv", current: false });
    expect(clientTextsRequest("de-000000000000.js")).toBeNull();
    expect(clientTextsRequest("../etc/passwd")).toBeNull();
  });

  it("are served for a year under their own name, for the moment under another version's, and not at all under any other", async () => {
    const { GET } = await import("@/app/texts/[file]/route");
    const get = (file: string) => GET(new Request(`http://localhost/texts/${file}`), { params: Promise.resolve({ file }) });
    const current = await get(clientTextsFile("sv"));
    expect([current.status, current.headers.get("cache-control"), current.headers.get("content-type")]).toEqual([200, "public, max-age=31536000, immutable", "text/javascript; charset=utf-8"]);
    expect(await current.text()).toBe(clientTextsScript("sv"));
    const older = await get("en-000000000000.js");
    expect([older.status, older.headers.get("cache-control")]).toEqual([200, "no-store"]);
    expect(await older.text()).toBe(clientTextsScript("en"));
    for (const junk of ["de-000000000000.js", "sv.js", "..%2Fpackage.json"]) expect((await get(junk)).status).toBe(404);
  });

  it("find a namespace in a client file however the file writes it", () => {
    const client = (body: string) => `const { t } = useI18n(); ${body}`;
    expect([...namespacesUsed(client(`t("queue.title"); t(\`figures.\${x}\`); const L = { a: "admin.user.email" };`))].sort()).toEqual(["admin", "figures", "queue"]);
    expect([...namespacesUsed(client(`import x from "next/navigation"; "not.a.key"`))]).toEqual([]);
    expect([...namespacesUsed(client(`if (result.fieldErrors) {}`))].sort()).toEqual(["errors", "validation"]);
    expect([...namespacesUsed(`export function Summary({ formError }) { return "queue.title"; }`)]).toEqual([]);
  });
});
