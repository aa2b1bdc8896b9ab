"use server";
import { redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { acceptInvitation } from "@/lib/data/associations";

export async function acceptInvitationAction(formData: FormData): Promise<void> {
  const actor = await requireSessionActor();
  const { associationId } = await acceptInvitation(actor, String(formData.get("token") ?? ""));
  redirect(`/associations/${associationId}`);
}
