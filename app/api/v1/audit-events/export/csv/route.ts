import { apiRoute } from "@/lib/api/handler";
import { exportAuditEvents } from "@/lib/data/audit-log";
import { auditTable } from "@/lib/export/audit-log";
import { tablesResponse } from "@/lib/export/response";
import { todayIn } from "@/lib/domain/dates";

export const GET = apiRoute(async ({ actor, req }) => {
  const { rows, truncated } = await exportAuditEvents(actor, Object.fromEntries(req.nextUrl.searchParams));
  return tablesResponse([auditTable(rows, { truncated })], "csv", `handelselogg-${todayIn(new Date())}`);
});
