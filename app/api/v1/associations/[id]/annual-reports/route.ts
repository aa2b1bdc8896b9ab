import { apiRoute, readFormData } from "@/lib/api/handler";
import { listAnnualReports, uploadAnnualReport } from "@/lib/data/annual-reports";
import { fileFromFormData, MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD } from "@/lib/files/storage";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => listAnnualReports(actor, params.id));

export const POST = apiRoute<{ id: string }>(
  async ({ actor, params, req }) => {
    const form = await readFormData(req, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD);
    const file = await fileFromFormData(form.get("file"), "file");
    return uploadAnnualReport(actor, params.id, { activityYear: form.get("activityYear"), file });
  },
  { status: 201 },
);
