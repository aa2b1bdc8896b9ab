import type { Metadata } from "next";
import Link from "next/link";
import { can, type Permission } from "@/lib/auth/permissions";
import { getAdminOverview, type AdminOverview } from "@/lib/data/admin";
import { getT } from "@/lib/i18n/server";
import { orNotFound, signedInActor } from "./_components/guard";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("admin.title") };
}

const SECTIONS: { key: keyof AdminOverview; href: string; title: string; intro: string }[] = [
  { key: "users", href: "/admin/users", title: "admin.users.title", intro: "admin.users.intro" },
  { key: "committee", href: "/admin/committee", title: "admin.committee.title", intro: "admin.committee.intro" },
  { key: "partnerTowns", href: "/admin/partner-towns", title: "admin.partnerTowns.title", intro: "admin.partnerTowns.intro" },
  { key: "objectives", href: "/admin/objectives", title: "admin.objectives.title", intro: "admin.objectives.intro" },
  { key: "programYears", href: "/admin/programs", title: "admin.programs.title", intro: "admin.programs.intro" },
];

// Pages under /coordinator that administrators may also use.
const FOLLOW_UP: { href: string; title: string; permission: Permission }[] = [
  { href: "/coordinator/audit", title: "audit.title", permission: "audit:read" },
  { href: "/coordinator/mail", title: "outbox.title", permission: "outbox:manage" },
  { href: "/coordinator/reminders", title: "reminders.title", permission: "reminder:read" },
];

export default async function AdminPage() {
  const actor = await signedInActor("/admin");
  const overview = await orNotFound(getAdminOverview(actor));
  const { t } = await getT();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.intro")}</p>
      <ul className="cards" style={{ listStyle: "none", padding: 0 }}>
        {SECTIONS.filter((s) => overview[s.key] !== undefined).map((s) => (
          <li className="card" key={s.key}>
            <h2 style={{ marginTop: 0, fontSize: "1.2rem" }}>
              <Link href={s.href}>{t(s.title)}</Link>
            </h2>
            <p>{t(s.intro)}</p>
            <p className="muted">{t("admin.count", { count: overview[s.key] ?? 0 })}</p>
          </li>
        ))}
      </ul>
      <h2>{t("admin.followUp.title")}</h2>
      <ul>
        {FOLLOW_UP.filter((l) => can(actor, l.permission)).map((l) => (
          <li key={l.href}>
            <Link href={l.href}>{t(l.title)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
