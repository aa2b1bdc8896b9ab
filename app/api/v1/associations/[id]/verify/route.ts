import { apiRoute } from "@/lib/api/handler";
import { verifyAssociation } from "@/lib/data/associations";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => verifyAssociation(actor, params.id));
