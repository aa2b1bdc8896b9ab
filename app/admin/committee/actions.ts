"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { addCommitteeMember, removeCommitteeMember } from "@/lib/data/admin";
import type { CommitteeMemberInputValues } from "@/lib/schemas/admin";

function revalidate() {
  revalidatePath("/admin/committee");
  revalidatePath("/admin/users");
}

export async function addCommitteeMemberAction(input: CommitteeMemberInputValues): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await addCommitteeMember(actor, input)).id }));
  if (result.ok) revalidate();
  return result;
}

export async function removeCommitteeMemberAction(id: string): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => ({ id: (await removeCommitteeMember(actor, id)).id }));
  if (result.ok) revalidate();
  return result;
}
