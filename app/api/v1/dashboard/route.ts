import { apiRoute } from "@/lib/api/handler";
import { getDashboard } from "@/lib/data/dashboard";

export const GET = apiRoute(async ({ actor }) => getDashboard(actor));
