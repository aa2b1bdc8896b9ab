import { apiRoute } from "@/lib/api/handler";
import { FiguresExportQuerySchema } from "@/lib/api/operations/dashboard";
import { getYearFigures } from "@/lib/data/figures";
import { figuresTables, summaryTables } from "@/lib/export/figures";
import { tablesResponse } from "@/lib/export/response";

export const GET = apiRoute(async ({ actor, req }) => {
  const { year, part } = FiguresExportQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const figures = await getYearFigures(actor, { year });
  return tablesResponse(part === "figures" ? figuresTables(figures) : summaryTables(figures), "xlsx", part === "figures" ? `aret-i-siffror-${year}` : `uppfoljning-${year}`);
});
