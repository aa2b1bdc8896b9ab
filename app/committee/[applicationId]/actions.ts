"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { recordRecommendation } from "@/lib/data/consultations";

/** A member's recommendation or declared conflict; the service checks membership, the closing and any conflict. */
export async function recordRecommendationAction(
  applicationId: string,
  input: { kind?: unknown; comment?: unknown },
): Promise<ActionResult<{ kind: string; comment: string }>> {
  return runAction(async (actor) => {
    const id = String(applicationId);
    const saved = await recordRecommendation(actor, id, { kind: input?.kind, comment: input?.comment });
    revalidatePath(`/committee/${id}`);
    revalidatePath("/committee");
    return saved;
  });
}
