import { apiRoute } from "@/lib/api/handler";
import { withdrawApplication } from "@/lib/data/applications";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => withdrawApplication(actor, params.id));
