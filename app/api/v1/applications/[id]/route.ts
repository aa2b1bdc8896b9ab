import { apiRoute } from "@/lib/api/handler";
import { deleteDraft, getApplication, updateDraft } from "@/lib/data/applications";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getApplication(actor, params.id));

export const PATCH = apiRoute<Params>(async ({ actor, params, json }) => updateDraft(actor, params.id, await json()));

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteDraft(actor, params.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
