import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getAllocationContext } from "@/lib/data/decisions";
import { listPartnerTowns, listProgramYears } from "@/lib/data/reference";
import { formatKronor } from "@/lib/i18n/translate";
import { formatDay } from "@/lib/i18n/translate-core";
import { ServiceError } from "@/lib/errors";
import { AllocationForm, ConsultBatchForm, ReopenForm } from "./_components/allocation-form";
import { addCalendarMonths, todayIn } from "@/lib/domain/dates";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("allocation.title") };
}

export default async function AllocationsPage({ searchParams }: { searchParams: Promise<{ year?: string; town?: string }> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/allocations");
  if (!can(actor, "application:decide")) notFound();
  const { t, locale } = await getT();
  const { year, town } = await searchParams;
  const [years, towns] = await Promise.all([listProgramYears(), listPartnerTowns()]);
  let context: Awaited<ReturnType<typeof getAllocationContext>> | null = null;
  if (year && /^\d{4}$/.test(year) && town) {
    try {
      context = await getAllocationContext(actor, { year: Number(year), partnerTownId: town });
    } catch (error) {
      if (!(error instanceof ServiceError && error.code === "NOT_FOUND")) throw error;
    }
  }
  return (
    <>
      <p>
        <Link href="/coordinator">← {t("dashboard.title")}</Link>
      </p>
      <h1>{t("allocation.title")}</h1>
      <p className="lead">{t("allocation.intro")}</p>
      <form method="get" className="filters card" aria-label={t("allocation.title")}>
        <div className="field">
          <label htmlFor="a-year">{t("allocation.year")}</label>
          <select id="a-year" name="year" defaultValue={year ?? String(years[0]?.year ?? "")}>
            {years.map((y) => (
              <option key={y.id} value={y.year}>
                {y.year}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-town">{t("allocation.town")}</label>
          <select id="a-town" name="town" defaultValue={town ?? ""}>
            {towns.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("allocation.show")}
        </button>
      </form>
      {context ? (
        <section aria-labelledby="allocation-heading">
          <h2 id="allocation-heading">
            {context.town.name} {context.year}
          </h2>
          <p>{t("allocation.cap", { cap: formatKronor(context.cap, locale) })}</p>
          {context.current ? (
            <>
              <p className="alert success">
                {t("allocation.current", {
                  count: context.current.approvedCount,
                  share: formatKronor(context.current.share, locale),
                  date: formatDay(new Date(context.current.decidedAt)),
                })}
              </p>
              <ul>
                {context.current.decisions.map((d) => (
                  <li key={d.applicationId}>
                    <Link href={`/applications/${d.applicationId}`}>{d.caseNumber}</Link> {d.association}: {t(`decision.outcome.${d.outcome}`)}
                    {d.outcome === "APPROVED" ? `, ${formatKronor(d.amount, locale)}` : ""}
                  </li>
                ))}
              </ul>
              {!context.current.paid ? <ReopenForm allocationId={context.current.id} /> : null}
            </>
          ) : context.candidates.length === 0 ? (
            <p>{t("allocation.none")}</p>
          ) : (
            <>
            {context.candidates.some((c) => !c.putToCommittee) ? (
              <ConsultBatchForm ids={context.candidates.filter((c) => !c.putToCommittee).map((c) => c.id)} defaultClosesOn={addCalendarMonths(todayIn(new Date()), 1)} />
            ) : null}
            <AllocationForm
              programYearId={context.programYearId}
              partnerTownId={context.town.id}
              cap={context.cap}
              splitRule={context.splitRule}
              candidates={context.candidates}
            />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
