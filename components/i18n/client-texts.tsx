import { getLocale } from "@/lib/i18n/server";
import { clientMessages } from "@/lib/i18n/client-texts";
import { I18nProvider } from "./provider";

/** A route's layout: hands its client components the texts they translate from (lib/i18n/client-texts.ts). */
export async function ClientTexts({ route, children }: { route: string; children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <I18nProvider locale={locale} messages={clientMessages(locale, route)}>
      {children}
    </I18nProvider>
  );
}
