"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { uploadAnnualReport } from "@/lib/data/annual-reports";
import { fileFromFormData } from "@/lib/files/storage";

export async function uploadAnnualReportAction(associationId: string, formData: FormData): Promise<ActionResult<{ activityYear: number }>> {
  return runAction(async (actor) => {
    const file = await fileFromFormData(formData.get("file"), "file");
    const report = await uploadAnnualReport(actor, associationId, { activityYear: formData.get("activityYear"), file });
    revalidatePath(`/associations/${associationId}/annual-reports`);
    revalidatePath("/coordinator/annual-reports");
    return { activityYear: report.activityYear };
  });
}
