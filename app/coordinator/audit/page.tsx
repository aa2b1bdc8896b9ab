import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { getSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listAuditEvents } from "@/lib/data/audit-log";
import { ServiceError, type FieldErrors } from "@/lib/errors";
import { formatInstant } from "@/lib/export/audit-log";
import { messagesFor } from "@/lib/i18n/translate";
import { TableWrap } from "@/components/ui/table-wrap";
import { Field } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("audit.title") };
}

type Search = { person?: string; case?: string; from?: string; to?: string; after?: string };
const FILTERS = ["person", "case", "from", "to"] as const;

/** The municipality's audit log, filtered by person, case and days; one case's history when opened from it. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in?callbackUrl=/coordinator/audit");
  if (!can(actor, "audit:read")) notFound();
  const { t, locale } = await getT();
  const messages = messagesFor(locale);
  const search = await searchParams;
  const given = Object.fromEntries(FILTERS.map((k) => [k, typeof search[k] === "string" ? search[k]!.trim() : ""])) as Record<(typeof FILTERS)[number], string>;

  let result: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  let errors: FieldErrors = {};
  try {
    result = await listAuditEvents(actor, { ...given, after: search.after });
  } catch (error) {
    if (!(error instanceof ServiceError && error.code === "VALIDATION")) throw error;
    errors = error.fieldErrors ?? {};
  }
  const fieldError = (name: string) => (errors[name]?.[0] ? t(errors[name]![0]!) : undefined);
  const keep = new URLSearchParams(FILTERS.flatMap((k) => (given[k] ? [[k, given[k]] as [string, string]] : [])));
  const filtered = keep.size > 0;
  const actionLabel = (code: string) => messages[`audit.action.${code}`] ?? code;
  const entityLabel = (type: string) => messages[`audit.entity.${type}`] ?? type;
  const application = result?.case?.application ?? null;
  const col = {
    at: t("audit.col.at"),
    who: t("audit.col.who"),
    action: t("audit.col.action"),
    entity: t("audit.col.entity"),
    changes: t("audit.col.changes"),
  };

  return (
    <>
      <p>
        {application ? (
          <Link href={`/applications/${application.id}`}>← {application.caseNumber ?? application.title}</Link>
        ) : (
          <Link href="/coordinator">← {t("dashboard.title")}</Link>
        )}
      </p>
      <h1>{application ? t("audit.caseTitle", { caseNumber: application.caseNumber ?? application.title }) : t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      <ErrorSummary
        title={t("common.errorSummary")}
        items={Object.entries(errors).flatMap(([name, keys]) => (keys[0] && name !== "after" ? [{ fieldId: `audit-${name}`, message: t(keys[0]) }] : []))}
        formError={errors.after ? t("audit.badCursor") : null}
      />
      <form method="get" className="filters card" role="search" aria-label={t("audit.filters")}>
        <Field id="audit-person" label={t("audit.filter.person")} hint={t("audit.filter.personHint")} error={fieldError("person")}>
          <input type="text" name="person" defaultValue={given.person} autoComplete="off" />
        </Field>
        <Field id="audit-case" label={t("audit.filter.case")} hint={t("audit.filter.caseHint")} error={fieldError("case")}>
          <input type="text" name="case" defaultValue={given.case} autoComplete="off" />
        </Field>
        <Field id="audit-from" label={t("audit.filter.from")} hint={t("audit.filter.dateHint")} error={fieldError("from")}>
          <input type="date" name="from" defaultValue={given.from} />
        </Field>
        <Field id="audit-to" label={t("audit.filter.to")} hint={t("audit.filter.dateHint")} error={fieldError("to")}>
          <input type="date" name="to" defaultValue={given.to} />
        </Field>
        <div className="actions" style={{ margin: 0 }}>
          <button type="submit" className="button">
            {t("audit.show")}
          </button>
          {filtered ? <Link href="/coordinator/audit">{t("audit.clear")}</Link> : null}
        </div>
      </form>

      {result ? (
        <>
          {result.person ? (
            <p role="status">
              {result.person.query.toLowerCase() === "system"
                ? t("audit.person.system")
                : result.person.matches.length === 0
                  ? t("audit.person.none", { query: result.person.query })
                  : t("audit.person.matches", {
                      names: result.person.matches.map((p) => (p.name ? `${p.name} (${p.email})` : p.email)).join(", "),
                    })}
              {result.person.tooMany ? ` ${t("audit.person.tooMany")}` : null}
            </p>
          ) : null}
          {result.case && !result.case.application ? <p role="status">{t("audit.case.none", { query: result.case.query })}</p> : null}
          <div className="actions">
            <a className="button secondary" href={`/coordinator/audit/export?${new URLSearchParams([...keep, ["format", "csv"]])}`} download>
              {t("audit.export.csv")}
            </a>
            <a className="button secondary" href={`/coordinator/audit/export?${new URLSearchParams([...keep, ["format", "xlsx"]])}`} download>
              {t("audit.export.xlsx")}
            </a>
          </div>
          {result.items.length === 0 ? (
            <p>{filtered ? t("audit.emptyFiltered") : t("audit.empty")}</p>
          ) : (
            <TableWrap label={t("audit.title")}>
              <table className="stack audit-log">
                <caption className="visually-hidden">{t("audit.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{col.at}</th>
                    <th scope="col">{col.who}</th>
                    <th scope="col">{col.action}</th>
                    <th scope="col">{col.entity}</th>
                    <th scope="col">{col.changes}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((e) => (
                    <tr key={e.id}>
                      <td data-label={col.at}>
                        <time dateTime={e.at.toISOString()}>{formatInstant(e.at)}</time>
                      </td>
                      <td data-label={col.who}>
                        {e.actor.kind === "system" ? (
                          t("audit.actor.system")
                        ) : (
                          <>
                            {e.actor.name ?? e.actor.email ?? t("audit.actor.unknown")}
                            {e.actor.name && e.actor.email ? <div className="muted">{e.actor.email}</div> : null}
                            {e.actor.kind === "api-token" ? <div className="muted">{t("audit.actor.apiToken")}</div> : null}
                          </>
                        )}
                      </td>
                      <td data-label={col.action}>
                        {actionLabel(e.action)}
                        {actionLabel(e.action) !== e.action ? <div className="muted audit-code">{e.action}</div> : null}
                      </td>
                      <td data-label={col.entity}>
                        {entityLabel(e.entityType)}
                        <div>
                          {e.applicationId ? (
                            <Link href={`/applications/${e.applicationId}`}>{e.entityLabel ?? e.entityId}</Link>
                          ) : (
                            (e.entityLabel ?? <span className="muted audit-code">{e.entityId}</span>)
                          )}
                        </div>
                      </td>
                      <td data-label={col.changes}>
                        {e.changes.length === 0 ? (
                          <span className="muted">–</span>
                        ) : (
                          <ul className="audit-changes">
                            {e.changes.slice(0, 4).map((c, i) => (
                              <li key={i}>
                                {c.field ? <span className="audit-field">{c.field}: </span> : null}
                                {c.before ?? "–"} → {c.after ?? "–"}
                              </li>
                            ))}
                          </ul>
                        )}
                        {e.before != null || e.after != null ? (
                          <details className="audit-details">
                            <summary>{t("audit.details")}</summary>
                            {e.before != null ? (
                              <>
                                <p className="label">{t("audit.before")}</p>
                                <pre>{JSON.stringify(e.before, null, 2)}</pre>
                              </>
                            ) : null}
                            {e.after != null ? (
                              <>
                                <p className="label">{t("audit.after")}</p>
                                <pre>{JSON.stringify(e.after, null, 2)}</pre>
                              </>
                            ) : null}
                          </details>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <nav className="pagination" aria-label={t("audit.pages")}>
            {search.after ? <Link href={`/coordinator/audit${keep.size ? `?${keep}` : ""}`}>{t("audit.newest")}</Link> : null}
            {result.nextCursor ? <Link href={`/coordinator/audit?${new URLSearchParams([...keep, ["after", result.nextCursor]])}`}>{t("audit.older")}</Link> : null}
          </nav>
        </>
      ) : null}
    </>
  );
}
