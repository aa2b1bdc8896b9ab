import { apiRoute } from "@/lib/api/handler";
import { OutboxQuerySchema } from "@/lib/api/outbox-schemas";
import { listOutbox } from "@/lib/data/outbox";

export const GET = apiRoute(async ({ actor, req }) => listOutbox(actor, OutboxQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams))));
