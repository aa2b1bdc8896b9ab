import { apiRoute } from "@/lib/api/handler";
import { RemindersQuerySchema } from "@/lib/api/reminder-schemas";
import { listReminders } from "@/lib/data/reminders";

export const GET = apiRoute(async ({ actor, req }) => listReminders(actor, RemindersQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams))));
