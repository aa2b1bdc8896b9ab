"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { setMessageRead } from "@/lib/data/messages";

export async function setMessageReadAction(id: string, read: boolean): Promise<ActionResult> {
  return runAction(async (actor) => {
    await setMessageRead(actor, id, read);
    revalidatePath("/coordinator/messages");
    revalidatePath("/coordinator");
    return null;
  });
}
