"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/safe-action";
import { addFollowUpAttachment, FOLLOW_UP_FILE_FIELD, removeFollowUpAttachment, saveFollowUpDraft, submitFollowUpReport } from "@/lib/data/follow-up";
import { fileFromFormData } from "@/lib/files/storage";

export async function saveFollowUpDraftAction(applicationId: string, values: unknown) {
  return runAction(async (actor) => {
    const saved = await saveFollowUpDraft(actor, applicationId, values);
    return { updatedAt: saved.draft?.updatedAt ?? null };
  });
}

export async function submitFollowUpReportAction(applicationId: string) {
  return runAction(async (actor) => {
    const submitted = await submitFollowUpReport(actor, applicationId);
    revalidatePath(`/applications/${applicationId}`);
    revalidatePath(`/applications/${applicationId}/report`);
    return { round: submitted.rounds.length };
  });
}

export async function uploadFollowUpAttachmentAction(applicationId: string, formData: FormData) {
  return runAction(async (actor) => {
    const file = await fileFromFormData(formData.get(FOLLOW_UP_FILE_FIELD), FOLLOW_UP_FILE_FIELD);
    const updated = await addFollowUpAttachment(actor, applicationId, file);
    return updated.draft?.attachments ?? [];
  });
}

export async function removeFollowUpAttachmentAction(applicationId: string, fileId: string) {
  return runAction(async (actor) => {
    const updated = await removeFollowUpAttachment(actor, applicationId, fileId);
    return updated.draft?.attachments ?? [];
  });
}
