import "server-only";
import { z } from "zod";
import { NextResponse, type NextRequest } from "next/server";
import { actorFromBearer, type Actor } from "@/lib/auth/actor";
import { HTTP_STATUS, ServiceError, type FieldErrors } from "@/lib/errors";
import { translate } from "@/lib/i18n/translate";
import { zodFieldErrors } from "@/lib/errors";
import { logError } from "@/lib/log";

export type ApiError = { error: { code: string; message: string; fields?: Record<string, string[]> } };

function errorResponse(status: number, code: string, message: string, fields?: FieldErrors, locale: "sv" | "en" = "en", vars?: Record<string, string | number>) {
  const translated = fields
    ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.map((m) => translate(locale, m))]))
    : undefined;
  const body: ApiError = { error: { code, message: translate(locale, message, vars), ...(translated ? { fields: translated } : {}) } };
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

type Ctx<P> = { params: Promise<P> };

/** A multipart body read up to `maxBytes`: a larger one is refused before it is parsed (413). */
export async function readFormData(req: NextRequest, maxBytes: number): Promise<FormData> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw new ServiceError("PAYLOAD_TOO_LARGE");
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ServiceError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(value);
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new ServiceError("VALIDATION", "errors.VALIDATION", { _form: ["validation.invalid"] });
  }
}

/**
 * Every /api/v1 handler: bearer-token actor (401 without), the handler's
 * result as JSON, service errors mapped to status codes, nothing raw leaked.
 */
export function apiRoute<P = Record<string, never>>(
  fn: (args: { actor: Actor; req: NextRequest; params: P; json: () => Promise<unknown> }) => Promise<unknown>,
  opts: { status?: number } = {},
) {
  return async (req: NextRequest, ctx: Ctx<P>) => {
    const locale = req.headers.get("accept-language")?.toLowerCase().startsWith("sv") ? "sv" : "en";
    try {
      const actor = await actorFromBearer(req.headers.get("authorization"));
      if (!actor) return errorResponse(401, "UNAUTHENTICATED", "errors.UNAUTHENTICATED", undefined, locale);
      const json = async () => {
        try {
          return await req.json();
        } catch {
          throw new ServiceError("VALIDATION", "errors.INVALID_JSON");
        }
      };
      const result = await fn({ actor, req, params: await ctx.params, json });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? null, { status: opts.status ?? 200, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (error instanceof ServiceError) {
        return errorResponse(HTTP_STATUS[error.code], error.code, error.messageKey, error.fieldErrors, locale, error.vars);
      }
      if (error instanceof z.ZodError) {
        return errorResponse(422, "VALIDATION", "errors.VALIDATION", zodFieldErrors(error), locale);
      }
      logError(`API ${req.method} ${req.nextUrl.pathname} failed`, error);
      return errorResponse(500, "INTERNAL", "errors.INTERNAL", undefined, locale);
    }
  };
}

/** A stored PDF as an API response: always an attachment, never rendered, never cached. */
export function pdfAttachment(file: { name: string; bytes: Buffer }): Response {
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
}
