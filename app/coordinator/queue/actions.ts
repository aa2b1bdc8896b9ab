"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { startConsultation } from "@/lib/data/consultations";

export async function consultSelectedAction(applicationIds: string[], closesOn: string): Promise<ActionResult<{ count: number }>> {
  return runAction(async (actor) => {
    const started = await startConsultation(actor, { applicationIds, closesOn });
    revalidatePath("/coordinator/queue");
    revalidatePath("/coordinator");
    return { count: started.cases.length };
  });
}
