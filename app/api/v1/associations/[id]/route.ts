import { apiRoute } from "@/lib/api/handler";
import { getAssociation } from "@/lib/data/associations";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getAssociation(actor, params.id));
