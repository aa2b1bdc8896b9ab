import { apiRoute } from "@/lib/api/handler";
import { inviteMember } from "@/lib/data/associations";

export const POST = apiRoute<{ id: string }>(async ({ actor, params, json }) => inviteMember(actor, params.id, await json()), { status: 201 });
