// The decision letter (beslutsbrev) on a grant application, in Swedish. Pure:
// plain values in, PDF bytes out; lib/data/letters.ts loads the values.
//
// Every number the letter cites as a rule (caps, the split, the report
// deadline) comes from the program year in the data, never from this file:
// municipalities configure their own rules.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { PageWriter } from "./layout";

export type DecisionLetterData = {
  municipality: {
    name: string;
    orgNumber: string;
    /** The body the decision is taken for, e.g. "Kommunstyrelsen". */
    decidingBody: string;
    /** The delegation the decider acts under, e.g. "Delegationsordning för kommunstyrelsen, punkt 4.2"; "" if none is configured. */
    delegation: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string;
  };
  caseNumber: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  association: { name: string; orgNumber: string; paymentMethod: "BANKGIRO" | "PLUSGIRO"; paymentAccount: string };
  application: { title: string; grantKind: "BASE" | "ACTIVITY"; partnerTown: string; requestedAmount: number | null };
  decision: {
    outcome: "APPROVED" | "REJECTED";
    /** Whole kronor; 0 for a rejection. */
    amount: number;
    reason: string;
    /** YYYY-MM-DD; null when the activity has no end date. */
    reportDueOn: string | null;
    /** Base grants: the town and year's allocation the decision is part of. */
    allocation: { approvedCount: number; share: number; cap: number } | null;
  };
  decidedBy: { name: string };
  program: {
    year: number;
    /** The caps in force for this application's partner town (a town's own cap where one is set). */
    baseCapPerTown: number;
    activityCapPerTown: number;
    reportDeadlineMonths: number;
    splitRule: "EQUAL_SPLIT" | "NONE";
  };
  consulted: {
    /** YYYY-MM-DD: the committee's last day to answer. */
    closesOn: string;
    closedReason: "ALL_ANSWERED" | "CLOSING_DATE_PASSED" | "CLOSED_EARLY" | null;
  };
};

const GRANT_KIND: Record<DecisionLetterData["application"]["grantKind"], string> = { BASE: "grundbidrag", ACTIVITY: "aktivitetsbidrag" };

const PAYMENT_METHOD: Record<DecisionLetterData["association"]["paymentMethod"], string> = { BANKGIRO: "Bankgiro", PLUSGIRO: "Plusgiro" };

export const APPEAL_HEADING = "Hur man överklagar – laglighetsprövning enligt 13 kap. kommunallagen";

// Built once, not per amount: building them was 2% of the worker's time writing letters (tests/perf).
const KRONOR_SV = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });

/**
 * Whole kronor as a Swedish letter writes them, "10 000 kr", with no-break
 * spaces so an amount is never split over two lines.
 */
export function formatKronor(kronor: number): string {
  if (!Number.isFinite(kronor)) throw new Error(`Not an amount: ${kronor}`);
  const number = KRONOR_SV.format(kronor)
    .replace(/[\u00A0\u202F ]/g, "\u00A0")
    .replace(/\u2212/g, "-");
  return `${number}\u00A0kr`;
}

function months(n: number): string {
  return `${n} ${n === 1 ? "månad" : "månader"}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The program's rule the decision rests on, worded with the program's own numbers. */
function ruleText(data: DecisionLetterData): string[] {
  const { program } = data;
  if (data.application.grantKind === "BASE") {
    const split =
      program.splitRule === "EQUAL_SPLIT"
        ? " och delas lika mellan föreningarna när flera föreningar samarbetar med samma samverkansort"
        : "; beloppet gäller samverkansorten sammanlagt, oavsett hur många föreningar som samarbetar med den";
    return [`Enligt kommunens regler för bidrag till föreningar är grundbidrag högst ${formatKronor(program.baseCapPerTown)} per samverkansort och år${split}.`];
  }
  return [
    `Enligt kommunens regler för bidrag till föreningar kan en förening utöver grundbidraget få aktivitetsbidrag för samverkansortsrelaterade aktiviteter som inte finansieras på annat sätt, högst ${formatKronor(program.activityCapPerTown)} per samverkansort och år.`,
  ];
}

function allocationText(data: DecisionLetterData): string | null {
  const allocation = data.decision.allocation;
  if (data.decision.outcome !== "APPROVED" || !allocation) return null;
  const where = `${data.application.partnerTown} bidragsåret ${data.program.year}`;
  if (allocation.approvedCount <= 1) {
    return `Föreningen är den enda som har beviljats grundbidrag för ${where} och får ${formatKronor(allocation.share)} av högst ${formatKronor(allocation.cap)}.`;
  }
  return `För ${where} har ${allocation.approvedCount} föreningar beviljats grundbidrag. De delar lika på ${formatKronor(allocation.cap)}, vilket ger ${formatKronor(allocation.share)} per förening (avrundat nedåt till hela kronor).`;
}

function consultationText(consulted: DecisionLetterData["consulted"]): string {
  const base = "Internationella kommittén har hörts (samråd) innan beslutet fattades.";
  switch (consulted.closedReason) {
    case "ALL_ANSWERED":
      return `${base} Samtliga ledamöter har lämnat sina synpunkter.`;
    case "CLOSING_DATE_PASSED":
      return `${base} Sista dag för kommitténs synpunkter var ${consulted.closesOn}.`;
    case "CLOSED_EARLY":
      return `${base} Samrådet avslutades före sista svarsdagen ${consulted.closesOn}.`;
    default:
      return `${base} Sista dag för kommitténs synpunkter var ${consulted.closesOn}.`;
  }
}

function conditions(data: DecisionLetterData): string[] {
  const deadline = months(data.program.reportDeadlineMonths);
  const report = data.decision.reportDueOn
    ? `Föreningen ska lämna en skriftlig rapport om hur bidraget har använts till internationella samordnaren senast ${data.decision.reportDueOn}, det vill säga ${deadline} efter att aktiviteten avslutades.`
    : `Föreningen ska lämna en skriftlig rapport om hur bidraget har använts till internationella samordnaren senast ${deadline} efter att aktiviteten har avslutats.`;
  return [
    report,
    "Bidraget betalas ut först när föreningens verksamhetsberättelse för det senast avslutade verksamhetsåret har lämnats in till internationella samordnaren.",
  ];
}

/** The appeal instructions (13 kap. kommunallagen), naming the case so an appeal can cite it. */
export function appealText(caseNumber: string): string[] {
  return [
    "Beslutet kan överklagas genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725). Varje medlem av kommunen har rätt att överklaga beslutet.",
    "Överklagandet ska vara skriftligt och ges in till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på kommunens anslagstavla att protokollet som beslutet har antecknats i har justerats.",
    `Ange i överklagandet vilket beslut som överklagas (diarienummer ${caseNumber}) och de omständigheter som du anser visar att beslutet ska upphävas. Förvaltningsrätten prövar bara om beslutet har kommit till i laga ordning, om det avser något som inte är en angelägenhet för kommunen, om det organ som har fattat beslutet har överskridit sina befogenheter eller om beslutet strider mot lag eller annan författning.`,
  ];
}

export async function renderDecisionLetter(data: DecisionLetterData): Promise<Uint8Array> {
  const { municipality, association, application, decision, program } = data;
  const approved = decision.outcome === "APPROVED";
  const kind = GRANT_KIND[application.grantKind];
  const title = `Beslut om ${kind}`;

  const doc = await PDFDocument.create();
  // The date of the decision, not of rendering: the same data gives the same letter.
  const date = new Date(`${data.decidedOn}T00:00:00.000Z`);
  doc.setTitle(`${title} – ${data.caseNumber} – ${association.name}`, { showInWindowTitleBar: true });
  doc.setAuthor(municipality.name);
  doc.setSubject(`${title} för internationellt utbyte med samverkansorter, diarienummer ${data.caseNumber}`);
  doc.setKeywords(["beslut", kind, data.caseNumber, association.name]);
  doc.setLanguage("sv-SE");
  doc.setCreator(`${municipality.name} – internationella bidrag`);
  doc.setProducer("pdf-lib");
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  const w = new PageWriter(doc, {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  });

  w.columns(
    [
      { text: municipality.name, font: "bold", size: 16 },
      { text: municipality.decidingBody, size: 10 },
    ],
    [
      { text: "BESLUT", font: "bold", size: 12 },
      { text: `Datum: ${data.decidedOn}`, size: 10 },
      { text: `Diarienummer: ${data.caseNumber}`, size: 10 },
    ],
  );
  w.rule();
  w.text("Till", { font: "bold", gapAfter: 0 });
  w.text(association.name, { gapAfter: 0 });
  w.text(`Organisationsnummer ${association.orgNumber}`, { gapAfter: 14 });

  w.text(title, { font: "bold", size: 15, gapAfter: 2 });
  w.text("Bidrag till föreningar för internationellt utbyte med samverkansorter", { color: "muted", gapAfter: 6 });

  w.heading("Ärendet");
  w.facts([
    ["Ansökan", application.title.trim() || "–"],
    ["Förening", association.name],
    ["Organisationsnummer", association.orgNumber],
    ["Bidragsform", capitalize(kind)],
    ["Samverkansort", application.partnerTown || "–"],
    ["Bidragsår", String(program.year)],
    ["Sökt belopp", application.requestedAmount == null ? "–" : formatKronor(application.requestedAmount)],
  ]);

  w.heading("Beslut");
  if (approved) {
    w.text(`${municipality.decidingBody} beviljar ${association.name} ${kind} med ${formatKronor(decision.amount)} för bidragsåret ${program.year}.`);
    w.facts([["Beviljat belopp", formatKronor(decision.amount)]]);
  } else {
    w.text(`${municipality.decidingBody} avslår ansökan från ${association.name} om ${kind} för bidragsåret ${program.year}.`);
  }
  w.facts([
    ["Beslutsfattare", data.decidedBy.name],
    ["Beslutande organ", municipality.decidingBody],
    ...(municipality.delegation.trim() ? ([["Delegation", municipality.delegation.trim()]] as [string, string][]) : []),
    ["Beslutsdatum", data.decidedOn],
  ]);

  w.heading("Samråd med internationella kommittén");
  w.text(consultationText(data.consulted));

  w.heading("Skäl för beslutet");
  for (const paragraph of ruleText(data)) w.text(paragraph);
  const allocation = allocationText(data);
  if (allocation) w.text(allocation);
  if (decision.reason.trim()) {
    w.text("Motivering", { font: "bold", gapAfter: 2 });
    w.paragraphs(decision.reason);
  }

  if (approved) {
    w.heading("Villkor");
    w.bullets(conditions(data));

    w.heading("Utbetalning");
    w.text(`Bidraget betalas ut till föreningens ${PAYMENT_METHOD[association.paymentMethod].toLowerCase()} när villkoret om verksamhetsberättelsen är uppfyllt.`);
    w.facts([
      ["Betalningsmottagare", association.name],
      [PAYMENT_METHOD[association.paymentMethod], association.paymentAccount],
      ["Belopp", formatKronor(decision.amount)],
    ]);
  }

  w.heading(APPEAL_HEADING);
  for (const paragraph of appealText(data.caseNumber)) w.text(paragraph);

  w.heading("Kontakt");
  w.text(`Har du frågor om beslutet är du välkommen att kontakta oss. Ange diarienummer ${data.caseNumber}.`);
  w.facts([
    ["Kontaktperson", municipality.contactName],
    ["E-post", municipality.contactEmail],
    ["Telefon", municipality.contactPhone],
  ]);

  w.finish((page, pages) => `${municipality.name} · Organisationsnummer ${municipality.orgNumber} · Diarienummer ${data.caseNumber} · Sida ${page} av ${pages}`);
  return doc.save();
}
