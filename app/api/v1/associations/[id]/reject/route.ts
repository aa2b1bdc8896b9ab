import { apiRoute } from "@/lib/api/handler";
import { rejectAssociation } from "@/lib/data/associations";

export const POST = apiRoute<{ id: string }>(async ({ actor, params, json }) => {
  const body = await json();
  return rejectAssociation(actor, params.id, typeof body === "object" && body !== null ? (body as { reason?: unknown }).reason : undefined);
});
