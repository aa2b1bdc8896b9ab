import { apiRoute } from "@/lib/api/handler";
import { AssociationListQuerySchema } from "@/lib/api/schemas";
import { listAssociationsForReview, listMyAssociations, registerAssociation } from "@/lib/data/associations";
import { ServiceError } from "@/lib/errors";
import { fileFromFormData } from "@/lib/files/storage";

export const GET = apiRoute(async ({ actor, req }) => {
  const { status } = AssociationListQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return status ? listAssociationsForReview(actor, { status }) : listMyAssociations(actor);
});

export const POST = apiRoute(
  async ({ actor, req }) => {
    const form = await req.formData().catch(() => {
      throw new ServiceError("VALIDATION", "errors.VALIDATION", { _form: ["validation.invalid"] });
    });
    const { proof, ...fields } = Object.fromEntries(form);
    // A repeated field (one per chosen town) is a list; Object.fromEntries keeps only the last.
    return registerAssociation(actor, { ...fields, partnerTownIds: form.getAll("partnerTownIds") }, await fileFromFormData(proof ?? null, "proof"));
  },
  { status: 201 },
);
