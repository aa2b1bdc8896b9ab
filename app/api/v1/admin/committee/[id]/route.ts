import { apiRoute } from "@/lib/api/handler";
import { removeCommitteeMember } from "@/lib/data/admin";

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await removeCommitteeMember(actor, params.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
