import { apiRoute } from "@/lib/api/handler";
import { acceptAnnualReport } from "@/lib/data/annual-reports";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => acceptAnnualReport(actor, params.id));
