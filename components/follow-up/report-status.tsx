import { getT } from "@/lib/i18n/server";
import type { FollowUpStatus, Obligation } from "@/lib/domain/follow-up";

/**
 * Where a report stands, as both sides read it: its status (not started,
 * draft, submitted, returned for completion, accepted), and "overdue" when the
 * due date has passed with the next step the association's.
 */
export async function ReportStatus({ status, obligation }: { status: FollowUpStatus | null; obligation: Obligation }) {
  const { t } = await getT();
  return (
    <>
      <span className={`status report-status report-${status ?? "NONE"}`}>{t(`followUp.status.${status ?? "NONE"}`)}</span>
      {obligation === "OVERDUE" ? (
        <>
          {" "}
          <span className="status overdue-badge">{t("followUp.obligation.OVERDUE")}</span>
        </>
      ) : null}
    </>
  );
}
