import { apiRoute } from "@/lib/api/handler";
import { approvePayout } from "@/lib/data/payouts";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => approvePayout(actor, params.id));
