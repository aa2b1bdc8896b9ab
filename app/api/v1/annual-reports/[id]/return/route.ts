import { apiRoute } from "@/lib/api/handler";
import { JsonBodySchema } from "@/lib/api/decision-schemas";
import { returnAnnualReport } from "@/lib/data/annual-reports";

export const POST = apiRoute<{ id: string }>(async ({ actor, params, json }) => {
  const body = JsonBodySchema.parse(await json());
  return returnAnnualReport(actor, params.id, body.reason);
});
