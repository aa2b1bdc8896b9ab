import { apiRoute } from "@/lib/api/handler";
import { PayoutsQuerySchema } from "@/lib/api/payout-schemas";
import { listPayouts } from "@/lib/data/payouts";

export const GET = apiRoute(async ({ actor, req }) => listPayouts(actor, PayoutsQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams))));
