import { apiRoute } from "@/lib/api/handler";
import { upcomingReminders } from "@/lib/data/reminders";

export const GET = apiRoute(async ({ actor }) => upcomingReminders(actor));
