import { apiRoute } from "@/lib/api/handler";
import { JsonBodySchema } from "@/lib/api/decision-schemas";
import { decideBaseAllocation } from "@/lib/data/decisions";

export const POST = apiRoute(
  async ({ actor, json }) => {
    const body = JsonBodySchema.parse(await json());
    return decideBaseAllocation(actor, {
      programYearId: body.programYearId,
      partnerTownId: body.partnerTownId,
      approve: body.approve,
      reject: body.reject,
      reason: body.reason,
    });
  },
  { status: 201 },
);
