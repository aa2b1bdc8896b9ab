"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { approvePayout } from "@/lib/data/payouts";

export async function approvePayoutAction(decisionId: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    const paid = await approvePayout(actor, decisionId);
    revalidatePath("/coordinator/payouts");
    revalidatePath(`/applications/${paid.applicationId}`);
    return null;
  });
}
