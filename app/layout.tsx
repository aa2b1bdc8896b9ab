import type { Metadata, Viewport } from "next";
import "./globals.css";
import { getT } from "@/lib/i18n/server";
import Script from "next/script";
import { clientTextsFile } from "@/lib/i18n/client-texts";
import { getSessionActor } from "@/lib/auth/session";
import { I18nProvider } from "@/components/i18n/provider";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { SessionKeepAlive } from "@/components/layout/session-keep-alive";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t("app.name"), template: `%s – ${t("app.name")}` }, description: t("app.tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { t, locale } = await getT();
  const actor = await getSessionActor();
  const texts = `/texts/${clientTextsFile(locale)}`;
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skipToContent")}
        </a>
        {/* The texts client components translate from, cached by the browser (lib/i18n/client-texts.ts). */}
        <Script src={texts} strategy="beforeInteractive" />
        <I18nProvider locale={locale} src={texts}>
          <SiteHeader actor={actor} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
          {actor ? <SessionKeepAlive /> : null}
        </I18nProvider>
      </body>
    </html>
  );
}
