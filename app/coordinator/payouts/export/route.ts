import { type NextRequest } from "next/server";
import { getSessionActor } from "@/lib/auth/session";
import { payoutListCsv } from "@/lib/data/payouts";
import { ServiceError } from "@/lib/errors";
import { logError } from "@/lib/log";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The payout list of a program year for the finance department, as a CSV download; the service decides who may have it. */
export async function GET(req: NextRequest) {
  const year = req.nextUrl.searchParams.get("year") ?? "";
  if (!/^\d{4}$/.test(year)) return notFound();
  try {
    const actor = await getSessionActor();
    if (!actor) return notFound();
    const csv = await payoutListCsv(actor, { year: Number(year) });
    const name = `utbetalningar-${year}.csv`;
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ServiceError) return notFound();
    logError("payout list export failed", error);
    return new Response("Error", { status: 500 });
  }
}
