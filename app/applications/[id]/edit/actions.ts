"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { addAttachment, getGrantLimit, removeAttachment, submitApplication, updateDraft } from "@/lib/data/applications";
import { fileFromFormData } from "@/lib/files/storage";

export async function saveDraftAction(id: string, values: unknown) {
  return runAction(async (actor) => {
    const saved = await updateDraft(actor, id, values);
    return { updatedAt: saved.updatedAt, limit: await getGrantLimit(actor, id) };
  });
}

export async function submitApplicationAction(id: string): Promise<ActionResult<{ caseNumber: string | null }>> {
  return runAction(async (actor) => {
    const submitted = await submitApplication(actor, id);
    revalidatePath("/my");
    return { caseNumber: submitted.caseNumber };
  });
}

export async function uploadAttachmentAction(id: string, formData: FormData) {
  return runAction(async (actor) => {
    const file = await fileFromFormData(formData.get("attachment"), "attachment");
    const updated = await addAttachment(actor, id, file);
    return updated.attachments;
  });
}

export async function removeAttachmentAction(id: string, fileId: string) {
  return runAction(async (actor) => {
    const updated = await removeAttachment(actor, id, fileId);
    return updated.attachments;
  });
}
