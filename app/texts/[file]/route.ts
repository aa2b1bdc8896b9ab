import { clientTextsRequest, clientTextsScript } from "@/lib/i18n/client-texts";

/**
 * The texts client components translate from, one script per language
 * (lib/i18n/client-texts.ts). The name carries a hash of the content, so the
 * browser may keep it for a year. A name with another version's hash gets this
 * version's texts, not to be kept; any other name is not found.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const asked = clientTextsRequest((await params).file);
  if (!asked) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(clientTextsScript(asked.locale), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": asked.current ? "public, max-age=31536000, immutable" : "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
