"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { acceptFollowUpReport, returnFollowUpReport } from "@/lib/data/follow-up";

function revalidate(applicationId: string) {
  revalidatePath(`/coordinator/reports/${applicationId}`);
  revalidatePath("/coordinator/reports");
  revalidatePath(`/applications/${applicationId}`);
}

export async function acceptFollowUpReportAction(applicationId: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await acceptFollowUpReport(actor, applicationId);
    revalidate(applicationId);
    return null;
  });
}

export async function returnFollowUpReportAction(applicationId: string, comment: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await returnFollowUpReport(actor, applicationId, { comment });
    revalidate(applicationId);
    return null;
  });
}
