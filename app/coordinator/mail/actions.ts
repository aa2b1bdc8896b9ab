"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { resendMail } from "@/lib/data/outbox";

export async function resendMailAction(id: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await resendMail(actor, id);
    revalidatePath("/coordinator/mail");
    return null;
  });
}
