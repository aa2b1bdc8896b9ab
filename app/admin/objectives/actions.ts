"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { createObjective, updateObjective } from "@/lib/data/admin";
import type { ObjectiveInputValues } from "@/lib/schemas/admin";

export async function createObjectiveAction(input: ObjectiveInputValues): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await createObjective(actor, input)).id }));
  if (result.ok) revalidatePath("/admin/objectives");
  return result;
}

export async function updateObjectiveAction(id: string, input: ObjectiveInputValues): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await updateObjective(actor, id, input)).id }));
  if (result.ok) {
    revalidatePath("/admin/objectives");
    revalidatePath(`/admin/objectives/${id}`);
  }
  return result;
}
