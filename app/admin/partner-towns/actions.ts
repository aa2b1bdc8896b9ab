"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { createPartnerTown, updatePartnerTown } from "@/lib/data/admin";
import type { PartnerTownInputValues } from "@/lib/schemas/admin";

export async function createPartnerTownAction(input: PartnerTownInputValues): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await createPartnerTown(actor, input)).id }));
  if (result.ok) revalidatePath("/admin/partner-towns");
  return result;
}

export async function updatePartnerTownAction(id: string, input: PartnerTownInputValues): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await updatePartnerTown(actor, id, input)).id }));
  if (result.ok) {
    revalidatePath("/admin/partner-towns");
    revalidatePath(`/admin/partner-towns/${id}`);
  }
  return result;
}
