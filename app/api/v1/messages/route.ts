import { apiRoute } from "@/lib/api/handler";
import { InboxQuerySchema } from "@/lib/api/messaging-schemas";
import { clientIpOf, listInbox, postContactMessage } from "@/lib/data/messages";

export const GET = apiRoute(async ({ actor, req }) => listInbox(actor, InboxQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams))));

export const POST = apiRoute(
  async ({ actor, req, json }) => postContactMessage(actor, await json(), { ip: clientIpOf(req.headers), locale: actor.locale }),
  { status: 201 },
);
