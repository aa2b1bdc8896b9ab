"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { withdrawApplication } from "@/lib/data/applications";

export async function withdrawApplicationAction(id: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await withdrawApplication(actor, id);
    revalidatePath(`/applications/${id}`);
    revalidatePath("/my");
    return null;
  });
}
