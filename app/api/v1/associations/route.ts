import { apiRoute, readFormData } from "@/lib/api/handler";
import { AssociationListQuerySchema } from "@/lib/api/schemas";
import { listAssociationsForReview, listMyAssociations, registerAssociation } from "@/lib/data/associations";
import { fileFromFormData, MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD } from "@/lib/files/storage";

export const GET = apiRoute(async ({ actor, req }) => {
  const { status } = AssociationListQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return status ? listAssociationsForReview(actor, { status }) : listMyAssociations(actor);
});

export const POST = apiRoute(
  async ({ actor, req }) => {
    const form = await readFormData(req, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD);
    const { proof, ...fields } = Object.fromEntries(form);
    // A repeated field (one per chosen town) is a list; Object.fromEntries keeps only the last.
    return registerAssociation(actor, { ...fields, partnerTownIds: form.getAll("partnerTownIds") }, await fileFromFormData(proof ?? null, "proof"));
  },
  { status: 201 },
);
