import { apiRoute, pdfAttachment } from "@/lib/api/handler";
import { getAnnualReportFile } from "@/lib/data/annual-reports";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => pdfAttachment(await getAnnualReportFile(actor, params.id)));
