import { apiRoute } from "@/lib/api/handler";
import { AnnualReportsToReviewQuerySchema } from "@/lib/api/payout-schemas";
import { listAnnualReportsToReview } from "@/lib/data/annual-reports";

export const GET = apiRoute(async ({ actor, req }) => {
  AnnualReportsToReviewQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return listAnnualReportsToReview(actor);
});
