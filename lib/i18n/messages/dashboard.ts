import type { AreaMessages } from "./types";

// The coordinator's start page, the year in figures, the follow-up summary, exports and the audit log.
export const dashboard = {
  sv: {},
  en: {},
} satisfies AreaMessages;
