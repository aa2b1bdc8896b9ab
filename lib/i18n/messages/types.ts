/** One area's texts: every key in Swedish, and in English. */
export type AreaMessages = { sv: Record<string, string>; en: Record<string, string> };
