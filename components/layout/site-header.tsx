import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getT } from "@/lib/i18n/server";
import { setLocaleAction } from "@/app/actions";
import { SignOutButton } from "./sign-out-button";
import { NavLink } from "./nav-link";

export async function SiteHeader({ actor }: { actor: Actor | null }) {
  const { t, locale } = await getT();
  const links: { href: string; label: string }[] = [{ href: "/", label: t("nav.home") }];
  if (actor) links.push({ href: "/my", label: t("nav.myPages") });
  if (can(actor, "application:review")) links.push({ href: "/coordinator", label: t("nav.coordinator") });
  if (can(actor, "consultation:recommend")) links.push({ href: "/committee", label: t("nav.committee") });
  if (can(actor, "admin:programs")) links.push({ href: "/admin", label: t("nav.admin") });
  const other = locale === "sv" ? "en" : "sv";
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand">
          {t("app.name")}
        </Link>
        <nav className="site-nav" aria-label={t("nav.main")}>
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <NavLink href={l.href}>{l.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <form action={setLocaleAction}>
            <input type="hidden" name="locale" value={other} />
            <button type="submit" className="linklike" lang={other}>
              {other === "en" ? t("nav.switchToEnglish") : t("nav.switchToSwedish")}
            </button>
          </form>
          {actor ? <SignOutButton label={t("nav.signOut")} /> : <Link href="/sign-in">{t("nav.signIn")}</Link>}
        </div>
      </div>
    </header>
  );
}
