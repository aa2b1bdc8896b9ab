"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { inviteMember, rejectAssociation, verifyAssociation } from "@/lib/data/associations";

export async function inviteMemberAction(associationId: string, email: string): Promise<ActionResult<{ email: string }>> {
  return runAction(async (actor) => {
    const invitation = await inviteMember(actor, associationId, { email });
    revalidatePath(`/associations/${associationId}`);
    return { email: invitation.email };
  });
}

export async function verifyAssociationAction(id: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await verifyAssociation(actor, id);
    revalidatePath(`/associations/${id}`);
    revalidatePath("/coordinator/associations");
    return null;
  });
}

export async function rejectAssociationAction(id: string, reason: string): Promise<ActionResult> {
  return runAction(async (actor) => {
    await rejectAssociation(actor, id, reason);
    revalidatePath(`/associations/${id}`);
    revalidatePath("/coordinator/associations");
    return null;
  });
}
