import { apiRoute } from "@/lib/api/handler";
import { getProgramYear, updateProgramYear } from "@/lib/data/admin";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => getProgramYear(actor, params.id));

export const PUT = apiRoute<{ id: string }>(async ({ actor, params, json }) => updateProgramYear(actor, params.id, await json()));
