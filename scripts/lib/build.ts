// Whether the production build (.next) is newer than every source it is built
// from: `npm start`, the end-to-end harness and the benchmark build only when not.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Generated code follows the schema (a source itself); tests are not part of the build.
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    if (/\.test\.tsx?$/.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The build is current when .next/BUILD_ID is newer than every source file. */
export function buildIsCurrent(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  const sources = SOURCE_DIRS.map(newestMtime);
  const files = SOURCE_FILES.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs);
  return Math.max(...sources, ...files) < built;
}
