"use server";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { createApplication } from "@/lib/data/applications";

export async function createApplicationAction(input: { associationId: string; programYearId: string; grantKind: string }): Promise<ActionResult<{ id: string }>> {
  return runAction(async (actor) => {
    const created = await createApplication(actor, input);
    return { id: created.id };
  });
}
