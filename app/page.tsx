import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { getMunicipality, listOpenProgramYears } from "@/lib/data/reference";
import { formatKronor } from "@/lib/i18n/translate";

export default async function HomePage() {
  const { t, locale } = await getT();
  const [actor, municipality, programs] = await Promise.all([getSessionActor(), getMunicipality(), listOpenProgramYears()]);
  return (
    <>
      <h1>{t("app.name")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <p className="muted">{municipality.name}</p>
      {actor ? (
        <p>
          <Link className="button" href="/my">
            {t("nav.myPages")}
          </Link>
        </p>
      ) : (
        <p>
          <Link className="button" href="/sign-in">
            {t("home.startApplicant")}
          </Link>
        </p>
      )}
      <h2>{t("home.grantsHeading")}</h2>
      <div className="cards">
        {programs.map((p) => (
          <section className="card" key={p.id} aria-labelledby={`program-${p.year}`}>
            <h3 id={`program-${p.year}`}>{t("home.programYear", { year: p.year })}</h3>
            <ul>
              <li>{t(p.splitRule === "EQUAL_SPLIT" ? "home.baseGrant" : "home.baseGrantNoSplit", { amount: formatKronor(p.baseCapPerTown, locale) })}</li>
              <li>{t("home.activityGrant", { amount: formatKronor(p.activityCapPerTown, locale) })}</li>
              <li>{t("home.reportRule", { months: p.reportDeadlineMonths })}</li>
              <li>{t("home.annualReportRule")}</li>
            </ul>
            <p className="muted">{t("home.openUntil", { date: p.closesOn.toISOString().slice(0, 10) })}</p>
          </section>
        ))}
      </div>
    </>
  );
}
