import type { AreaMessages } from "./types";

// Reminders: what went out and what is coming.
export const reminders = {
  sv: {},
  en: {},
} satisfies AreaMessages;
