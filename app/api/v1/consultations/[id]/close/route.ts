import { apiRoute } from "@/lib/api/handler";
import { JsonBodySchema } from "@/lib/api/decision-schemas";
import { closeConsultationEarly } from "@/lib/data/consultations";

export const POST = apiRoute<{ id: string }>(async ({ actor, params, json }) =>
  closeConsultationEarly(actor, params.id, JsonBodySchema.parse(await json()).reason),
);
