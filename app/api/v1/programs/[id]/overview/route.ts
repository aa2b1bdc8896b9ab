import { apiRoute } from "@/lib/api/handler";
import { getAllocationOverview } from "@/lib/data/overview";

export const GET = apiRoute<{ id: string }>(({ actor, params }) => getAllocationOverview(actor, { id: params.id }));
