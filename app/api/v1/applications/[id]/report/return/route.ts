import { apiRoute } from "@/lib/api/handler";
import { returnFollowUpReport } from "@/lib/data/follow-up";

export const POST = apiRoute<{ id: string }>(async ({ actor, params, json }) => returnFollowUpReport(actor, params.id, await json()));
