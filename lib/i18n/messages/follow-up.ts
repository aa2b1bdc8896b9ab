import type { AreaMessages } from "./types";

// Follow-up reports (återrapporter): the member's report form, the coordinator's review, overdue flags.
export const followUp = {
  sv: {},
  en: {},
} satisfies AreaMessages;
