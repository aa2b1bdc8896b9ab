"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { acceptAnnualReport, returnAnnualReport } from "@/lib/data/annual-reports";

export async function acceptAnnualReportAction(id: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await acceptAnnualReport(actor, id);
    revalidatePath("/coordinator/annual-reports");
    revalidatePath("/coordinator/payouts");
    return null;
  });
}

export async function returnAnnualReportAction(id: string, reason: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await returnAnnualReport(actor, id, reason);
    revalidatePath("/coordinator/annual-reports");
    return null;
  });
}
