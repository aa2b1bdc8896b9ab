import type { AreaMessages } from "./types";

// Messages on a case and the contact form.
export const messaging = {
  sv: {},
  en: {},
} satisfies AreaMessages;
