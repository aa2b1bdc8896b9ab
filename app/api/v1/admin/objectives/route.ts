import { apiRoute } from "@/lib/api/handler";
import { createObjective, listObjectives } from "@/lib/data/admin";

export const GET = apiRoute(async ({ actor }) => listObjectives(actor));

export const POST = apiRoute(async ({ actor, json }) => createObjective(actor, await json()), { status: 201 });
