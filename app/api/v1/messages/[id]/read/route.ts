import { apiRoute } from "@/lib/api/handler";
import { MarkReadBodySchema } from "@/lib/api/messaging-schemas";
import { setMessageRead } from "@/lib/data/messages";

export const POST = apiRoute<{ id: string }>(async ({ actor, params, req, json }) => {
  // No body at all means "read", as the form's button sends it.
  const body = req.headers.get("content-length") === "0" || !req.body ? {} : await json();
  return setMessageRead(actor, params.id, MarkReadBodySchema.parse(body).read);
});
