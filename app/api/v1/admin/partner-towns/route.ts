import { apiRoute } from "@/lib/api/handler";
import { createPartnerTown, listPartnerTowns } from "@/lib/data/admin";

export const GET = apiRoute(async ({ actor }) => listPartnerTowns(actor));

export const POST = apiRoute(async ({ actor, json }) => createPartnerTown(actor, await json()), { status: 201 });
