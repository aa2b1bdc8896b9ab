import { apiRoute } from "@/lib/api/handler";
import { JsonBodySchema } from "@/lib/api/decision-schemas";
import { reopenBaseAllocation } from "@/lib/data/decisions";

export const POST = apiRoute<{ id: string }>(async ({ actor, params, json }) =>
  reopenBaseAllocation(actor, params.id, JsonBodySchema.parse(await json()).reason),
);
