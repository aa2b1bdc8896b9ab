import type { AreaMessages } from "./types";

export const coordinator = {
  sv: {
    "queue.title": "Ansökningar att handlägga",
    "queue.filters": "Filtrera ansökningar",
    "queue.empty": "Inga ansökningar matchar filtret.",
    "queue.pages": "Sidor",
    "queue.first": "Första sidan",
    "queue.pendingAssociations": "Föreningar att kontrollera",
    "queue.noPendingAssociations": "Inga föreningar väntar på kontroll.",
    "queue.registered": "Registrerad",
    "queue.exceedsBudget": "Överskrider årets återstående budget",
  },
  en: {
    "queue.title": "Applications to handle",
    "queue.filters": "Filter applications",
    "queue.empty": "No applications match the filter.",
    "queue.pages": "Pages",
    "queue.first": "First page",
    "queue.pendingAssociations": "Associations to check",
    "queue.noPendingAssociations": "No associations are waiting to be checked.",
    "queue.registered": "Registered",
    "queue.exceedsBudget": "Exceeds what is left of the year's budget",
  },
} satisfies AreaMessages;
