import { apiRoute } from "@/lib/api/handler";
import { listPartnerTowns } from "@/lib/data/reference";

export const GET = apiRoute(async () => listPartnerTowns({ activeOnly: true }));
