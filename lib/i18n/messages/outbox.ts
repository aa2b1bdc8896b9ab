import type { AreaMessages } from "./types";

// The mail outbox: staff's view of failed and pending mails, resending.
export const outbox = {
  sv: {},
  en: {},
} satisfies AreaMessages;
