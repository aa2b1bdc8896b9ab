import { apiRoute } from "@/lib/api/handler";
import { listCaseMessages, postCaseMessage } from "@/lib/data/messages";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => listCaseMessages(actor, params.id));

export const POST = apiRoute<{ id: string }>(async ({ actor, params, json }) => postCaseMessage(actor, params.id, await json()), { status: 201 });
