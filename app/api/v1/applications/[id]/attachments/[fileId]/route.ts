import { apiRoute } from "@/lib/api/handler";
import { removeAttachment } from "@/lib/data/applications";

export const DELETE = apiRoute<{ id: string; fileId: string }>(async ({ actor, params }) => removeAttachment(actor, params.id, params.fileId));
