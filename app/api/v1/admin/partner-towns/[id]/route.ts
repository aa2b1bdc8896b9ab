import { apiRoute } from "@/lib/api/handler";
import { updatePartnerTown } from "@/lib/data/admin";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, json }) => updatePartnerTown(actor, params.id, await json()));
