import { apiRoute } from "@/lib/api/handler";
import { listProgramYearsWithRules } from "@/lib/data/reference";

const day = (d: Date) => d.toISOString().slice(0, 10);

export const GET = apiRoute(async () => {
  const years = await listProgramYearsWithRules();
  return years.map((p) => ({
    id: p.id,
    year: p.year,
    opensOn: day(p.opensOn),
    closesOn: day(p.closesOn),
    open: p.open,
    baseCapPerTown: p.baseCapPerTown,
    activityCapPerTown: p.activityCapPerTown,
    capOverrides: p.caps,
    splitRule: p.splitRule,
    budget: p.budget,
    reportDeadlineMonths: p.reportDeadlineMonths,
    requiredDocuments: p.requiredDocuments.map(({ id, grantKind, nameSv, nameEn, sortOrder }) => ({ id, grantKind, nameSv, nameEn, sortOrder })),
  }));
});
