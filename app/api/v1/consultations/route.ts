import { apiRoute } from "@/lib/api/handler";
import { JsonBodySchema } from "@/lib/api/decision-schemas";
import { startConsultation } from "@/lib/data/consultations";

export const POST = apiRoute(
  async ({ actor, json }) => {
    const body = JsonBodySchema.parse(await json());
    return startConsultation(actor, { applicationIds: body.applicationIds, closesOn: body.closesOn });
  },
  { status: 201 },
);
