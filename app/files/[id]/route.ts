import { type NextRequest } from "next/server";
import { getSessionActor } from "@/lib/auth/session";
import { getFileForDownload } from "@/lib/data/files";
import { ServiceError } from "@/lib/errors";
import { logError } from "@/lib/log";

/** Downloads an uploaded file to whoever may see it; always as an attachment, never rendered inline. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const actor = await getSessionActor();
    if (!actor) return new Response("Not found", { status: 404 });
    const file = await getFileForDownload(actor, id);
    const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(file.bytes.length),
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ServiceError) return new Response("Not found", { status: 404 });
    logError("file download failed", error);
    return new Response("Error", { status: 500 });
  }
}
