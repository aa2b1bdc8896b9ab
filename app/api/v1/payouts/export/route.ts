import { apiRoute } from "@/lib/api/handler";
import { PayoutExportQuerySchema } from "@/lib/api/payout-schemas";
import { payoutListCsv } from "@/lib/data/payouts";

export const GET = apiRoute(async ({ actor, req }) => {
  const { year } = PayoutExportQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const csv = await payoutListCsv(actor, { year });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="utbetalningar-${year}.csv"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
});
