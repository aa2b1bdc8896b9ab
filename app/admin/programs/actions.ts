"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { createProgramYear, updateProgramYear } from "@/lib/data/admin";
import type { ProgramYearInputValues } from "@/lib/schemas/admin";

export async function createProgramYearAction(input: ProgramYearInputValues): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await createProgramYear(actor, input)).id }));
  if (result.ok) {
    revalidatePath("/admin/programs");
    revalidatePath("/");
  }
  return result;
}

export async function updateProgramYearAction(id: string, input: ProgramYearInputValues): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await updateProgramYear(actor, id, input)).id }));
  if (result.ok) {
    revalidatePath("/admin/programs");
    revalidatePath(`/admin/programs/${id}`);
    revalidatePath("/");
  }
  return result;
}
