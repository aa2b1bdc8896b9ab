import { apiRoute } from "@/lib/api/handler";
import { listAuditEvents } from "@/lib/data/audit-log";

// The service checks the filters itself (422 with per-field messages).
export const GET = apiRoute(async ({ actor, req }) => listAuditEvents(actor, Object.fromEntries(req.nextUrl.searchParams)));
