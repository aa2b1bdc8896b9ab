import { apiRoute, readFormData } from "@/lib/api/handler";
import { addAttachment } from "@/lib/data/applications";
import { ServiceError } from "@/lib/errors";
import { fileFromFormData, MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD } from "@/lib/files/storage";

// The web form calls the upload field "attachment"; the API's multipart field is "file".
function asFileField(error: unknown): unknown {
  if (!(error instanceof ServiceError) || !error.fieldErrors?.attachment) return error;
  const { attachment, ...rest } = error.fieldErrors;
  return new ServiceError(error.code, error.messageKey, { ...rest, file: attachment });
}

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, req }) => {
    try {
      const form = await readFormData(req, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD);
      return await addAttachment(actor, params.id, await fileFromFormData(form?.get("file") ?? null, "file"));
    } catch (error) {
      throw asFileField(error);
    }
  },
  { status: 201 },
);
