import { type NextRequest } from "next/server";
import { getSessionActor } from "@/lib/auth/session";
import { exportAuditEvents } from "@/lib/data/audit-log";
import { ServiceError } from "@/lib/errors";
import { auditTable } from "@/lib/export/audit-log";
import { isExportFormat, tablesResponse } from "@/lib/export/response";
import { todayIn } from "@/lib/domain/dates";
import { logError } from "@/lib/log";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The filtered audit log as a CSV or XLSX download; the service decides who may have it. */
export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  const format = q.get("format") ?? "csv";
  if (!isExportFormat(format)) return notFound();
  try {
    const actor = await getSessionActor();
    if (!actor) return notFound();
    const { rows, truncated } = await exportAuditEvents(actor, {
      person: q.get("person") ?? undefined,
      case: q.get("case") ?? undefined,
      from: q.get("from") ?? undefined,
      to: q.get("to") ?? undefined,
    });
    return await tablesResponse([auditTable(rows, { truncated })], format, `handelselogg-${todayIn(new Date())}`, "private, no-store");
  } catch (error) {
    if (error instanceof ServiceError) return notFound();
    logError("audit log export failed", error);
    return new Response("Error", { status: 500 });
  }
}
