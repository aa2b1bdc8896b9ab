// The year in figures and the board's follow-up summary as tables to export,
// with Swedish headers (the files go to the municipal board and finance).
// Amounts are whole kronor, as numbers.
import type { YearFigures } from "@/lib/domain/figures";
import type { Table } from "./table";

export const FIGURES_PARTS = ["figures", "summary"] as const;
export type FiguresPart = (typeof FIGURES_PARTS)[number];

export function isFiguresPart(value: unknown): value is FiguresPart {
  return typeof value === "string" && (FIGURES_PARTS as readonly string[]).includes(value);
}

const KIND = { BASE: "Grundbidrag", ACTIVITY: "Aktivitetsbidrag" } as const;

export function figuresTables(f: YearFigures): Table[] {
  const g = f.granted;
  const p = f.participants;
  return [
    {
      title: `Beviljat per ort ${f.year}`,
      header: ["Ort", "Bidragstyp", "Tak (kr)", "Beviljat (kr)", "Kvar (kr)", "Andel av taket (%)", "Beviljade ansökningar"],
      rows: g.pools.map((r) => [r.partnerTown.name, KIND[r.grantKind], r.cap, r.granted, r.remaining, r.percentOfCap, r.approvedCount]),
    },
    {
      title: `Totalt ${f.year}`,
      header: ["Avser", "Tak eller budget (kr)", "Beviljat (kr)", "Kvar (kr)", "Andel (%)"],
      rows: [
        ...g.byKind.map((k) => [`${KIND[k.grantKind]}, alla orter`, k.cap, k.granted, Math.max(0, k.cap - k.granted), k.percentOfCap]),
        ["Alla bidrag mot orternas tak", g.caps, g.total, Math.max(0, g.caps - g.total), g.caps > 0 ? Math.round((g.total * 100) / g.caps) : null],
        ["Alla bidrag mot årets budget", g.budget, g.total, g.budgetRemaining, g.percentOfBudget],
      ],
    },
    {
      title: `Deltagare ${f.year}`,
      header: [
        "Ort",
        "Beviljade ansökningar",
        "Planerade deltagare",
        "Planerade deltagare under 26 år",
        "Godkända återrapporter",
        "Deltagare enligt återrapporter",
        "Deltagare under 26 år enligt återrapporter",
      ],
      rows: [
        ...p.byTown.map((r) => [r.partnerTown.name, r.planned.applications, r.planned.total, r.planned.under26, r.actual.reports, r.actual.total, r.actual.under26]),
        ["Totalt", p.planned.applications, p.planned.total, p.planned.under26, p.actual.reports, p.actual.total, p.actual.under26],
      ],
    },
    {
      title: `Mål ${f.year}`,
      header: ["Mål", "Beviljade ansökningar som anger målet", "Beviljat till dem (kr)"],
      rows: f.objectives.map((o) => [o.objective.textSv, o.applications, o.granted]),
    },
  ];
}

export function summaryTables(f: YearFigures): Table[] {
  const s = f.summary;
  return [
    {
      title: `Uppföljning per ort ${f.year}`,
      header: ["Ort", "Genomförda aktiviteter (godkända återrapporter)", "Deltagare", "Varav under 26 år", "Faktiska kostnader (kr)", "Annan finansiering (kr)", "Beviljat (kr)"],
      rows: [
        ...s.towns.map((r) => [r.partnerTown.name, r.reports, r.participantsTotal, r.participantsUnder26, r.actualCosts, r.otherFunding, r.granted]),
        ["Totalt", s.totals.reports, s.totals.participantsTotal, s.totals.participantsUnder26, s.totals.actualCosts, s.totals.otherFunding, s.totals.granted],
      ],
    },
    {
      title: `Uppföljning per mål ${f.year}`,
      header: ["Mål", "Genomförda aktiviteter (godkända återrapporter)", "Deltagare", "Varav under 26 år", "Faktiska kostnader (kr)"],
      rows: s.objectives.map((o) => [o.objective.textSv, o.reports, o.participantsTotal, o.participantsUnder26, o.actualCosts]),
    },
    {
      title: `Resultat per mål ${f.year}`,
      header: ["Mål", "Diarienummer", "Förening", "Ort", "Resultat"],
      rows: s.objectives.flatMap((o) => o.outcomes.map((r) => [o.objective.textSv, r.caseNumber ?? "", r.association, r.partnerTown, r.text])),
      widths: [40, 16, 30, 20, 80],
    },
  ];
}
