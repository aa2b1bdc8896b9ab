import { apiRoute } from "@/lib/api/handler";
import { getAllocationOverview } from "@/lib/data/overview";
import { listProgramYears } from "@/lib/data/reference";
import { notFound } from "@/lib/errors";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const program = (await listProgramYears()).find((p) => p.id === params.id);
  if (!program) throw notFound();
  return getAllocationOverview(actor, program.year);
});
