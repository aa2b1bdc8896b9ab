// Where the browser (the texts script) and the server-side rendering of client
// components (lib/i18n/client-texts.ts) put the client texts, and where
// components/i18n/provider.tsx reads them: `globalThis[CLIENT_TEXTS_GLOBAL][locale]`.
// A module of its own so the client bundle gets the name without the texts.
export const CLIENT_TEXTS_GLOBAL = "__clientTexts";
