import { apiRoute } from "@/lib/api/handler";
import { updateObjective } from "@/lib/data/admin";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, json }) => updateObjective(actor, params.id, await json()));
