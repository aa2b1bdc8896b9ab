import { apiRoute } from "@/lib/api/handler";
import { createProgramYear, listProgramYears } from "@/lib/data/admin";

export const GET = apiRoute(async ({ actor }) => listProgramYears(actor));

export const POST = apiRoute(async ({ actor, json }) => createProgramYear(actor, await json()), { status: 201 });
