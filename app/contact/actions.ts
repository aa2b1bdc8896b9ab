"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/actions/safe-action";
import { getSessionActor } from "@/lib/auth/session";
import { clientIpOf, postContactMessage } from "@/lib/data/messages";
import { getLocale } from "@/lib/i18n/server";

/** The public contact form: signed in or not, limited per client address and per e-mail address. */
export async function sendContactMessageAction(input: unknown): Promise<ActionResult<{ receiptTo: string | null }>> {
  try {
    const actor = await getSessionActor();
    const result = await postContactMessage(actor, input, { ip: clientIpOf(await headers()), locale: await getLocale() });
    revalidatePath("/coordinator/messages");
    return { ok: true, data: { receiptTo: result.receiptTo } };
  } catch (error) {
    return toActionError(error);
  }
}
