import { apiRoute } from "@/lib/api/handler";
import { createApplication, listMyApplications } from "@/lib/data/applications";

export const GET = apiRoute(async ({ actor }) => listMyApplications(actor));

export const POST = apiRoute(async ({ actor, json }) => createApplication(actor, await json()), { status: 201 });
