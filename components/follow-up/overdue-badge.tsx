import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import type { OverdueReport } from "@/lib/data/follow-up";

/**
 * Flags an association with overdue follow-up reports where staff see it. The
 * compact badge says how many; `detailed` also names each report (case number,
 * title, due date), linking to it for the coordinator.
 */
export async function OverdueBadge({ reports, detailed = false }: { reports: readonly OverdueReport[]; detailed?: boolean }) {
  if (!reports.length) return null;
  const { t } = await getT();
  const label = t("followUp.overdue.badge", { count: reports.length });
  if (!detailed) return <span className="status overdue-badge">{label}</span>;
  return (
    <div className="alert warning overdue-reports">
      <p style={{ marginTop: 0 }}>
        <span className="status overdue-badge">{label}</span>
      </p>
      <ul>
        {reports.map((r) => (
          <li key={r.applicationId}>
            <Link href={`/coordinator/reports/${r.applicationId}`}>{r.caseNumber ?? r.title}</Link>
            {r.caseNumber ? ` – ${r.title}` : ""} · {t("followUp.overdue.dueOn", { dueOn: r.dueOn })}
          </li>
        ))}
      </ul>
    </div>
  );
}
