"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { createUser, updateUser } from "@/lib/data/admin";
import type { UserCreateInput, UserUpdateInput } from "@/lib/schemas/admin";

export async function createUserAction(input: UserCreateInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await createUser(actor, input)).id }));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function updateUserAction(id: string, input: UserUpdateInput): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await updateUser(actor, id, input)).id }));
  if (result.ok) {
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${id}`);
    revalidatePath("/admin/committee");
  }
  return result;
}
