import { apiRoute } from "@/lib/api/handler";
import { listFollowUpReports } from "@/lib/data/follow-up";

export const GET = apiRoute(async ({ actor, req }) => listFollowUpReports(actor, Object.fromEntries(req.nextUrl.searchParams)));
