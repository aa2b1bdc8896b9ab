"use server";
import { redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { acceptInvitation } from "@/lib/data/associations";
import { ServiceError } from "@/lib/errors";

export async function acceptInvitationAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  let associationId: string;
  try {
    ({ associationId } = await acceptInvitation(await requireSessionActor(), token));
  } catch (error) {
    // Used up, expired or meant for another address: say so on the invitation's own page.
    if (error instanceof ServiceError) redirect(`/invitations/${encodeURIComponent(token)}?error=${error.code}`);
    throw error;
  }
  redirect(`/associations/${associationId}`);
}
