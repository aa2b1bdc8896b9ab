import "server-only";
// A download as an HTTP response: the bytes, the media type, and a
// Content-Disposition that makes it a file with a name (ASCII for old
// clients, UTF-8 in filename* for the rest).
import { tablesToCsv } from "./csv";
import type { Table } from "./table";
import { tablesToXlsx, XLSX_MEDIA_TYPE } from "./xlsx";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function contentDisposition(filename: string): string {
  const ascii = filename.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9._-]/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function attachment(body: string | Buffer, opts: { filename: string; contentType: string; cacheControl?: string }): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": opts.contentType,
      "Content-Disposition": contentDisposition(opts.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": opts.cacheControl ?? "no-store",
    },
  });
}

/** Tables as a CSV or XLSX download named `<basename>.<format>`. */
export async function tablesResponse(tables: readonly Table[], format: ExportFormat, basename: string, cacheControl?: string): Promise<Response> {
  return format === "csv"
    ? attachment(tablesToCsv(tables), { filename: `${basename}.csv`, contentType: "text/csv; charset=utf-8", cacheControl })
    : attachment(await tablesToXlsx(tables), { filename: `${basename}.xlsx`, contentType: XLSX_MEDIA_TYPE, cacheControl });
}
