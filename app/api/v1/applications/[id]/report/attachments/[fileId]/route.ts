import { apiRoute, pdfAttachment } from "@/lib/api/handler";
import { getFollowUpAttachment, removeFollowUpAttachment } from "@/lib/data/follow-up";

type Params = { id: string; fileId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => pdfAttachment(await getFollowUpAttachment(actor, params.id, params.fileId)));

export const DELETE = apiRoute<Params>(async ({ actor, params }) => removeFollowUpAttachment(actor, params.id, params.fileId));
