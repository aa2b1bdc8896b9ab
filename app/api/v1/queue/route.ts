import { apiRoute } from "@/lib/api/handler";
import { QueueQuerySchema } from "@/lib/api/schemas";
import { listQueue } from "@/lib/data/applications";

export const GET = apiRoute(async ({ actor, req }) => listQueue(actor, QueueQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams))));
