import { apiRoute } from "@/lib/api/handler";
import { recommendationsFor } from "@/lib/data/consultations";
import { notFound } from "@/lib/errors";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const view = await recommendationsFor(actor, params.id);
  // Not put to the committee (yet): nothing to show, as for an application out of reach.
  if (!view) throw notFound();
  return view;
});
