import { apiRoute } from "@/lib/api/handler";
import { acceptFollowUpReport } from "@/lib/data/follow-up";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => acceptFollowUpReport(actor, params.id));
