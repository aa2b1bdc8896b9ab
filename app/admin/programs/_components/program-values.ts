// The program form's values: what its inputs hold (strings for numbers and
// dates, null for "both grants"). Built on the server from a program year, or
// from the latest one when starting the next year.
import { addCalendarMonths } from "@/lib/domain/dates";
import type { GrantKind, SplitRule } from "@/lib/generated/prisma/enums";

export type ProgramFormValues = {
  year: string;
  opensOn: string;
  closesOn: string;
  baseCapPerTown: string;
  activityCapPerTown: string;
  splitRule: SplitRule;
  budget: string;
  reportDeadlineMonths: string;
  blockOnOverdueReport: boolean;
  requiredDocuments: { nameSv: string; nameEn: string; grantKind: GrantKind | null }[];
  caps: { partnerTownId: string; grantKind: GrantKind; amount: string }[];
};

type ProgramYearLike = {
  year: number;
  opensOn: string;
  closesOn: string;
  baseCapPerTown: number;
  activityCapPerTown: number;
  splitRule: SplitRule;
  budget: number | null;
  reportDeadlineMonths: number;
  blockOnOverdueReport: boolean;
  requiredDocuments: { nameSv: string; nameEn: string; grantKind: GrantKind | null }[];
  caps: { partnerTownId: string; grantKind: GrantKind; amount: number }[];
};

export function programFormValues(p: ProgramYearLike): ProgramFormValues {
  return {
    year: String(p.year),
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    baseCapPerTown: String(p.baseCapPerTown),
    activityCapPerTown: String(p.activityCapPerTown),
    splitRule: p.splitRule,
    budget: p.budget === null ? "" : String(p.budget),
    reportDeadlineMonths: String(p.reportDeadlineMonths),
    blockOnOverdueReport: p.blockOnOverdueReport,
    requiredDocuments: p.requiredDocuments.map((d) => ({ nameSv: d.nameSv, nameEn: d.nameEn, grantKind: d.grantKind })),
    caps: p.caps.map((c) => ({ partnerTownId: c.partnerTownId, grantKind: c.grantKind, amount: String(c.amount) })),
  };
}

/** A new year starts from the latest year's rules, a year on; with no earlier year, from nothing. */
export function nextProgramFormValues(latest: ProgramYearLike | undefined, thisYear: number): ProgramFormValues {
  if (!latest) {
    return {
      year: String(thisYear),
      opensOn: "",
      closesOn: "",
      baseCapPerTown: "",
      activityCapPerTown: "",
      splitRule: "EQUAL_SPLIT",
      budget: "",
      reportDeadlineMonths: "",
      blockOnOverdueReport: false,
      requiredDocuments: [],
      caps: [],
    };
  }
  const year = latest.year + 1;
  return {
    ...programFormValues(latest),
    year: String(year),
    opensOn: addCalendarMonths(latest.opensOn, 12),
    closesOn: addCalendarMonths(latest.closesOn, 12),
  };
}
