// The browser gets only the texts its route's client components use
// (lib/i18n/client-texts.ts). This test reads every client file and fails when
// one uses a namespace its route does not hand it, so a text can never show
// as its bare key because a list was forgotten.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_TEXTS, clientMessages } from "./client-texts";
import { sv } from "./messages";

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

/** "app/coordinator/queue/_components/x.tsx" → "coordinator/queue": the route the file renders in. */
function routeOf(file: string): string {
  const parts = path.dirname(path.relative("app", file)).split(path.sep).filter((p) => p !== ".");
  const end = parts.findIndex((p) => p.startsWith("_"));
  return (end === -1 ? parts : parts.slice(0, end)).join("/");
}

/** What a route's client components receive: the root's namespaces and those of every layout above them. */
function handed(route: string): Set<string> {
  const parts = route ? route.split("/") : [];
  const out = new Set<string>();
  for (let i = 0; i <= parts.length; i++) (CLIENT_TEXTS[parts.slice(0, i).join("/")] ?? []).forEach((ns) => out.add(ns));
  return out;
}

/** The routes a file renders in: its own under app/, or for a shared component, those of the app files that import it (through other components too). */
function routesOf(file: string, seen = new Set<string>()): string[] {
  if (file.startsWith("app/")) return [routeOf(file)];
  if (seen.has(file)) return [];
  seen.add(file);
  const stem = file.replace(/\.tsx?$/, "");
  const importers = files.filter(({ file: other, text }) => {
    const specifiers = [...text.matchAll(/from\s+["']([^"']+)["']/g)].map(([, s]) => s!);
    return specifiers.some((s) => (s.startsWith("@/") ? s.slice(2) : s.startsWith(".") ? path.join(path.dirname(other), s) : null) === stem);
  });
  return importers.flatMap((i) => routesOf(i.file, seen));
}

describe("texts handed to the browser", () => {
  it("cover every namespace each client component translates from, on every route it renders in", () => {
    const missing: string[] = [];
    for (const { file, text } of clientFiles) {
      const used = namespacesUsed(text);
      const routes = routesOf(file);
      if (used.size && !routes.length) missing.push(`${file}: rendered by no page`);
      for (const route of routes) {
        const have = handed(route);
        for (const ns of used) if (!have.has(ns)) missing.push(`${file} on /${route}: ${ns}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("are handed by a layout on every route that lists them", () => {
    for (const route of Object.keys(CLIENT_TEXTS)) {
      const layout = path.join(ROOT, "app", route, "layout.tsx");
      expect(existsSync(layout), `app/${route}/layout.tsx`).toBe(true);
      const text = readFileSync(layout, "utf8");
      expect(text, `app/${route}/layout.tsx`).toContain(route ? `<ClientTexts route="${route}"` : "clientMessages(locale, \"\")");
    }
  });

  it("name only namespaces that exist", () => {
    for (const [route, namespaces] of Object.entries(CLIENT_TEXTS)) for (const ns of namespaces) expect(NAMESPACES.has(ns), `${route}: ${ns}`).toBe(true);
  });

  it("are a route's namespaces only, in the visitor's language", () => {
    const queue = clientMessages("en", "coordinator/queue");
    expect(queue["queue.consultSelected"]).toBe("Put the selected to the committee");
    expect(queue["admin.form.saving"]).toBeUndefined();
    expect(clientMessages("sv", "")["errors.INTERNAL"]).toBe(sv["errors.INTERNAL"]);
    expect(Object.keys(clientMessages("sv", "")).length).toBeLessThan(Object.keys(sv).length / 5);
  });

  it("find a namespace in a client file however the file writes it", () => {
    const client = (body: string) => `const { t } = useI18n(); ${body}`;
    expect([...namespacesUsed(client(`t("queue.title"); t(\`figures.\${x}\`); const L = { a: "admin.user.email" };`))].sort()).toEqual(["admin", "figures", "queue"]);
    expect([...namespacesUsed(client(`import x from "next/navigation"; "not.a.key"`))]).toEqual([]);
    expect([...namespacesUsed(client(`if (result.fieldErrors) {}`))].sort()).toEqual(["errors", "validation"]);
    expect([...namespacesUsed(`export function Summary({ formError }) { return "queue.title"; }`)]).toEqual([]);
  });
});
