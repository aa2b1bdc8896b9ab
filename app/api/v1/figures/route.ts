import { apiRoute } from "@/lib/api/handler";
import { FiguresQuerySchema } from "@/lib/api/operations/dashboard";
import { getYearFigures } from "@/lib/data/figures";

export const GET = apiRoute(async ({ actor, req }) => getYearFigures(actor, FiguresQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams))));
