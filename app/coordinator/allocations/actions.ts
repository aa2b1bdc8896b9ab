"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { decideBaseAllocation, reopenBaseAllocation } from "@/lib/data/decisions";
import { startConsultation } from "@/lib/data/consultations";

export async function decideAllocationAction(input: {
  programYearId: string;
  partnerTownId: string;
  approve: string[];
  reject: { applicationId: string; reason: string }[];
  reason: string;
}): Promise<ActionResult> {
  return runAction(async (actor) => {
    await decideBaseAllocation(actor, input);
    revalidatePath("/coordinator/allocations");
    return null;
  });
}

export async function reopenAllocationAction(allocationId: string, reason: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await reopenBaseAllocation(actor, allocationId, reason);
    revalidatePath("/coordinator/allocations");
    return null;
  });
}

export async function consultBatchAction(applicationIds: string[], closesOn: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await startConsultation(actor, { applicationIds, closesOn });
    revalidatePath("/coordinator/allocations");
    return null;
  });
}
