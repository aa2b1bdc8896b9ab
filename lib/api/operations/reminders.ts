// Reminders in /api/v1: what went out (with each mail's delivery) and what
// is coming. Route handlers in app/api/v1/reminders/**, calling
// lib/data/reminders.ts. Staff who may read reminders: the coordinator and the administrator.
import type { ApiOperation } from "../operation";
import { ReminderPageSchema, RemindersQuerySchema, UpcomingRemindersSchema } from "../reminder-schemas";

const REMINDERS = ["reminders"];

export const reminderOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/reminders",
    operationId: "listReminders",
    summary:
      "The municipality's reminders that went out, newest first, each with its mails and where their delivery stands; a page at a time " +
      "(coordinator, administrator)",
    tags: REMINDERS,
    query: RemindersQuerySchema,
    response: ReminderPageSchema,
    errors: [403, 422],
  },
  {
    method: "get",
    path: "/reminders/upcoming",
    operationId: "listUpcomingReminders",
    summary:
      "The reminders that would go out from today through the next 7 days if nothing changes meanwhile, each on its first day " +
      "(coordinator, administrator)",
    tags: REMINDERS,
    response: UpcomingRemindersSchema,
    errors: [403],
  },
];
