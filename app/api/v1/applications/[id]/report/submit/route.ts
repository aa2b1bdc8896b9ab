import { apiRoute } from "@/lib/api/handler";
import { submitFollowUpReport } from "@/lib/data/follow-up";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => submitFollowUpReport(actor, params.id));
