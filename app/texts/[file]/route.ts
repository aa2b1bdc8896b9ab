import { clientTextsLocaleOf, clientTextsScript } from "@/lib/i18n/client-texts";
import { isLocale } from "@/lib/i18n/locale";

/**
 * The texts client components translate from, one script per language
 * (lib/i18n/client-texts.ts). The name carries a hash of the content, so the
 * browser may keep it for a year. A name with another hash (a page from a
 * server running an older or newer version, while one is deployed) gets this
 * version's texts, not to be kept; any other name is not found.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  const current = clientTextsLocaleOf(file);
  const other = /^(sv|en)-[0-9a-f]{12}\.js$/.exec(file)?.[1];
  const locale = current ?? (other && isLocale(other) ? other : null);
  if (!locale) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(clientTextsScript(locale), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": current ? "public, max-age=31536000, immutable" : "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
