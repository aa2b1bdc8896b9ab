import { apiRoute } from "@/lib/api/handler";
import { submitApplication } from "@/lib/data/applications";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => submitApplication(actor, params.id));
