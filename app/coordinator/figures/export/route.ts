import { type NextRequest } from "next/server";
import { getSessionActor } from "@/lib/auth/session";
import { getYearFigures } from "@/lib/data/figures";
import { ServiceError } from "@/lib/errors";
import { figuresTables, isFiguresPart, summaryTables } from "@/lib/export/figures";
import { isExportFormat, tablesResponse } from "@/lib/export/response";
import { logError } from "@/lib/log";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The year in figures or the board's summary as a CSV or XLSX download; the service decides who may have it. */
export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  const year = q.get("year") ?? "";
  const part = q.get("part") ?? "figures";
  const format = q.get("format") ?? "csv";
  if (!/^\d{4}$/.test(year) || !isFiguresPart(part) || !isExportFormat(format)) return notFound();
  try {
    const actor = await getSessionActor();
    if (!actor) return notFound();
    const figures = await getYearFigures(actor, { year: Number(year) });
    const tables = part === "figures" ? figuresTables(figures) : summaryTables(figures);
    return await tablesResponse(tables, format, part === "figures" ? `aret-i-siffror-${year}` : `uppfoljning-${year}`, "private, no-store");
  } catch (error) {
    if (error instanceof ServiceError) return notFound();
    logError("figures export failed", error);
    return new Response("Error", { status: 500 });
  }
}
