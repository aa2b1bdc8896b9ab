// Reminder mails (lib/data/reminders.ts), in Swedish and English. Pure: no env, no I/O.
import { httpUrl, oneLine, render, type Locale, type MailContent } from "./templates";

function days(n: number, locale: Locale): string {
  if (locale === "en") return `${n} ${n === 1 ? "day" : "days"}`;
  return `${n} ${n === 1 ? "dag" : "dagar"}`;
}

function day(value: string): string {
  const text = oneLine(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`Not a day (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return text;
}

type ReportInput = {
  caseNumber: string;
  title: string;
  associationName: string;
  /** The report's due date, "YYYY-MM-DD". */
  dueOn: string;
  /** The report page. */
  url: string;
  locale?: Locale;
};

/** To each member of the association before its follow-up report is due. */
export function reportDueSoon(input: ReportInput & { daysLeft: number }): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const caseNumber = oneLine(input.caseNumber);
  const association = oneLine(input.associationName);
  const dueOn = day(input.dueOn);
  if (locale === "en") {
    return render(locale, `Reminder: the follow-up report on ${caseNumber} is due ${dueOn}`, [
      {
        kind: "p",
        text:
          input.daysLeft === 0
            ? `The follow-up report of ${association} on the grant ${caseNumber} is due today, ${dueOn}.`
            : `The follow-up report of ${association} on the grant ${caseNumber} is due in ${days(input.daysLeft, locale)}, on ${dueOn}.`,
      },
      {
        kind: "facts",
        rows: [
          ["Case number", caseNumber],
          ["Application", oneLine(input.title)],
          ["Report due", dueOn, true],
        ],
      },
      { kind: "p", text: "Tell us what was done, who took part, what came of it against the objectives, and what it cost. A draft is saved as you write." },
      { kind: "link", url, label: "Write the report" },
    ]);
  }
  return render(locale, `Påminnelse: återrapporten för ${caseNumber} ska vara inne ${dueOn}`, [
    {
      kind: "p",
      text:
        input.daysLeft === 0
          ? `I dag, ${dueOn}, ska ${association} lämna återrapporten för bidraget ${caseNumber}.`
          : `Om ${days(input.daysLeft, locale)}, ${dueOn}, ska ${association} lämna återrapporten för bidraget ${caseNumber}.`,
    },
    {
      kind: "facts",
      rows: [
        ["Diarienummer", caseNumber],
        ["Ansökan", oneLine(input.title)],
        ["Sista dag för rapporten", dueOn, true],
      ],
    },
    { kind: "p", text: "Berätta vad ni gjorde, vilka som deltog, vad det gav i förhållande till målen och vad det kostade. Ett utkast sparas medan du skriver." },
    { kind: "link", url, label: "Skriv rapporten" },
  ]);
}

/** To each member of the association while its follow-up report is overdue (a bounded number of times). */
export function reportOverdue(
  input: ReportInput & {
    round: number;
    lastRound: number;
    /** The program stops new applications from an association with an overdue report. */
    blocksNewApplications: boolean;
  },
): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const caseNumber = oneLine(input.caseNumber);
  const association = oneLine(input.associationName);
  const dueOn = day(input.dueOn);
  const last = input.round >= input.lastRound;
  if (locale === "en") {
    return render(locale, `Overdue: the follow-up report on ${caseNumber} was due ${dueOn}`, [
      { kind: "p", text: `The follow-up report of ${association} on the grant ${caseNumber} was due on ${dueOn} and has not been handed in.` },
      {
        kind: "facts",
        rows: [
          ["Case number", caseNumber],
          ["Application", oneLine(input.title)],
          ["Report due", dueOn, true],
        ],
      },
      {
        kind: "p",
        text: input.blocksNewApplications
          ? "Please hand in the report as soon as you can. Until it is in, the association cannot submit new applications."
          : "Please hand in the report as soon as you can. Until it is in, the municipality's staff see the association as one with an overdue report.",
      },
      { kind: "link", url, label: "Write the report" },
      ...(last ? [{ kind: "p" as const, text: "This is the last reminder. Contact the international coordinator if something stops you from reporting." }] : []),
    ]);
  }
  return render(locale, `Försenad: återrapporten för ${caseNumber} skulle vara inne ${dueOn}`, [
    { kind: "p", text: `Återrapporten från ${association} för bidraget ${caseNumber} skulle ha lämnats senast ${dueOn} och har inte kommit in.` },
    {
      kind: "facts",
      rows: [
        ["Diarienummer", caseNumber],
        ["Ansökan", oneLine(input.title)],
        ["Sista dag för rapporten", dueOn, true],
      ],
    },
    {
      kind: "p",
      text: input.blocksNewApplications
        ? "Lämna rapporten så snart ni kan. Tills den är inne kan föreningen inte skicka in nya ansökningar."
        : "Lämna rapporten så snart ni kan. Tills den är inne ser kommunens handläggare att föreningen har en försenad rapport.",
    },
    { kind: "link", url, label: "Skriv rapporten" },
    ...(last ? [{ kind: "p" as const, text: "Det här är sista påminnelsen. Kontakta internationella samordnaren om något hindrar er från att rapportera." }] : []),
  ]);
}

/** To each member of a verified association with a grant, in January, when the annual report for the year just ended is missing. */
export function annualReportMissing(input: { associationName: string; year: number; url: string; locale?: Locale }): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const association = oneLine(input.associationName);
  if (!Number.isSafeInteger(input.year)) throw new Error(`Not a year: ${input.year}`);
  const year = String(input.year);
  if (locale === "en") {
    return render(locale, `Reminder: the annual report for ${year} of ${association}`, [
      { kind: "p", text: `A new year has begun. The municipality has not yet received the annual report of ${association} for the activity year ${year}.` },
      { kind: "p", text: `Grants are paid out only once the association's annual report for its most recently completed year is in and approved. Please upload the report for ${year} as a PDF.` },
      { kind: "link", url, label: "Upload the annual report" },
    ]);
  }
  return render(locale, `Påminnelse: verksamhetsberättelsen för ${year} från ${association}`, [
    { kind: "p", text: `Ett nytt år har börjat. Kommunen har ännu inte fått verksamhetsberättelsen från ${association} för verksamhetsåret ${year}.` },
    { kind: "p", text: `Bidrag betalas ut först när föreningens verksamhetsberättelse för senast avslutade verksamhetsår är inlämnad och godkänd. Ladda upp berättelsen för ${year} som PDF.` },
    { kind: "link", url, label: "Lämna in verksamhetsberättelsen" },
  ]);
}

/** To each committee member who has not answered every case of a consultation, before it closes. */
export function consultationClosing(input: { closesOn: string; daysLeft: number; unanswered: number; url: string; locale?: Locale }): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const closesOn = day(input.closesOn);
  const n = input.unanswered;
  if (locale === "en") {
    return render(locale, `Reminder: the committee's consultation closes ${closesOn}`, [
      {
        kind: "p",
        text:
          input.daysLeft === 0
            ? `The consultation with the international committee closes today, ${closesOn}.`
            : `The consultation with the international committee closes in ${days(input.daysLeft, locale)}, on ${closesOn}.`,
      },
      { kind: "p", text: `You have not yet answered ${n === 1 ? "1 case" : `${n} cases`}. Give your recommendation – approve, reject or abstain, with a comment – or declare a conflict of interest.` },
      { kind: "link", url, label: "See the cases" },
    ]);
  }
  return render(locale, `Påminnelse: samrådet med kommittén stänger ${closesOn}`, [
    {
      kind: "p",
      text:
        input.daysLeft === 0
          ? `Samrådet med internationella kommittén stänger i dag, ${closesOn}.`
          : `Samrådet med internationella kommittén stänger om ${days(input.daysLeft, locale)}, ${closesOn}.`,
    },
    { kind: "p", text: `Du har ännu inte svarat på ${n === 1 ? "1 ärende" : `${n} ärenden`}. Lämna din rekommendation – bifall, avslag eller avstår, med en kommentar – eller anmäl jäv.` },
    { kind: "link", url, label: "Se ärendena" },
  ]);
}
