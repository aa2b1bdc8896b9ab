import { apiRoute } from "@/lib/api/handler";
import { JsonBodySchema } from "@/lib/api/decision-schemas";
import { decideActivityGrant } from "@/lib/data/decisions";

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, json }) => {
    const body = JsonBodySchema.parse(await json());
    return decideActivityGrant(actor, params.id, { outcome: body.outcome, amount: body.amount, reason: body.reason });
  },
  { status: 201 },
);
