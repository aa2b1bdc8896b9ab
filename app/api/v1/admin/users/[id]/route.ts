import { apiRoute } from "@/lib/api/handler";
import { updateUser } from "@/lib/data/admin";

export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, json }) => updateUser(actor, params.id, await json()));
