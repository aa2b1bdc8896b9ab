import { apiRoute } from "@/lib/api/handler";
import { listObjectives } from "@/lib/data/reference";

export const GET = apiRoute(async () => listObjectives({ activeOnly: true }));
