import { apiRoute } from "@/lib/api/handler";
import { createUser, listUsers } from "@/lib/data/admin";

export const GET = apiRoute(async ({ actor, req }) => listUsers(actor, Object.fromEntries(req.nextUrl.searchParams)));

export const POST = apiRoute(async ({ actor, json }) => createUser(actor, await json()), { status: 201 });
