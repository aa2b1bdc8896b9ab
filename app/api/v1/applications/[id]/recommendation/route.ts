import { apiRoute } from "@/lib/api/handler";
import { JsonBodySchema } from "@/lib/api/decision-schemas";
import { recordRecommendation } from "@/lib/data/consultations";

export const PUT = apiRoute<{ id: string }>(async ({ actor, params, json }) => {
  const body = JsonBodySchema.parse(await json());
  return recordRecommendation(actor, params.id, { kind: body.kind, comment: body.comment });
});
