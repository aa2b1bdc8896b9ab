import { apiRoute } from "@/lib/api/handler";
import { getGrantLimit } from "@/lib/data/applications";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getGrantLimit(actor, params.id));
