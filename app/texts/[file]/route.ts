import { clientTextsLocaleOf, clientTextsScript } from "@/lib/i18n/client-texts";

/**
 * The texts client components translate from, one script per language
 * (lib/i18n/client-texts.ts). The name carries a hash of the content, so the
 * browser may keep it for a year; any other name is not found.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const locale = clientTextsLocaleOf((await params).file);
  if (!locale) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(clientTextsScript(locale), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
