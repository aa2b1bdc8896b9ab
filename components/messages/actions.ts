"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { postCaseMessage } from "@/lib/data/messages";

/** Writes on a case's thread; the page shows it after a refresh. */
export async function postCaseMessageAction(applicationId: string, body: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await postCaseMessage(actor, applicationId, { body });
    revalidatePath(`/applications/${applicationId}`);
    revalidatePath("/coordinator/messages");
    return null;
  });
}
