import { apiRoute } from "@/lib/api/handler";
import { getFollowUpReport, saveFollowUpDraft } from "@/lib/data/follow-up";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getFollowUpReport(actor, params.id));

export const PATCH = apiRoute<Params>(async ({ actor, params, json }) => saveFollowUpDraft(actor, params.id, await json()));
