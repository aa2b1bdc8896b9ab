import { apiRoute } from "@/lib/api/handler";
import { getDecisionContext } from "@/lib/data/decisions";
import { getFileForDownload } from "@/lib/data/files";
import { notFound } from "@/lib/errors";

/** The current decision's letter; getDecisionContext scopes the application, getFileForDownload the file. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const fileId = (await getDecisionContext(actor, params.id)).decision?.letterFileId;
  if (!fileId) throw notFound();
  const file = await getFileForDownload(actor, fileId);
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "no-store",
    },
  });
});
