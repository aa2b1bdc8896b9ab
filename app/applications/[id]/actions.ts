"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { withdrawApplication } from "@/lib/data/applications";
import { closeConsultationEarly, startConsultation } from "@/lib/data/consultations";
import { decideActivityGrant } from "@/lib/data/decisions";

export async function withdrawApplicationAction(id: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await withdrawApplication(actor, id);
    revalidatePath(`/applications/${id}`);
    revalidatePath("/my");
    return null;
  });
}

export async function putToCommitteeAction(id: string, closesOn: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await startConsultation(actor, { applicationIds: [id], closesOn });
    revalidatePath(`/applications/${id}`);
    return null;
  });
}

export async function closeConsultationAction(id: string, consultationId: string, reason: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await closeConsultationEarly(actor, consultationId, reason);
    revalidatePath(`/applications/${id}`);
    return null;
  });
}

export async function decideActivityAction(id: string, input: { outcome: string; amount: string; reason: string }): Promise<ActionResult> {
  return runAction(async (actor) => {
    await decideActivityGrant(actor, id, { outcome: input.outcome, amount: input.amount.replace(/\s/g, ""), reason: input.reason });
    revalidatePath(`/applications/${id}`);
    revalidatePath("/coordinator");
    revalidatePath("/coordinator/queue");
    return null;
  });
}
