import { apiRoute, readFormData } from "@/lib/api/handler";
import { addFollowUpAttachment, FOLLOW_UP_FILE_FIELD } from "@/lib/data/follow-up";
import { fileFromFormData, MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD } from "@/lib/files/storage";

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, req }) => {
    const form = await readFormData(req, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD);
    return addFollowUpAttachment(actor, params.id, await fileFromFormData(form.get(FOLLOW_UP_FILE_FIELD), FOLLOW_UP_FILE_FIELD));
  },
  { status: 201 },
);
