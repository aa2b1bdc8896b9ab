"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { registerAssociation } from "@/lib/data/associations";
import { fileFromFormData } from "@/lib/files/storage";

const FIELDS = ["name", "orgNumber", "streetAddress", "postalCode", "city", "contactName", "email", "phone", "paymentMethod", "paymentAccount"] as const;

export async function registerAssociationAction(formData: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async (actor) => {
    const input = {
      ...Object.fromEntries(FIELDS.map((f) => [f, String(formData.get(f) ?? "")])),
      partnerTownIds: formData.getAll("partnerTownIds").map(String),
    };
    const proof = await fileFromFormData(formData.get("proof"), "proof");
    const association = await registerAssociation(actor, input, proof);
    revalidatePath("/my");
    return { id: association.id };
  });
}
