// Mails about follow-up reports (återrapporter), to the association's members
// when the coordinator has reviewed a report: sent back for completion (with
// the coordinator's comment) or accepted. Pure, like lib/mail/templates.ts.
import { httpUrl, oneLine, render, type Locale, type MailContent } from "./templates";

type Case = {
  caseNumber: string;
  title: string;
  /** The report's page for the association. */
  url: string;
  locale?: Locale;
};

/** The report is sent back: what the coordinator wants completed, and where to do it. */
export function followUpReturned(input: Case & { comment: string }): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const caseNumber = oneLine(input.caseNumber);
  const title = oneLine(input.title);
  const comment = input.comment.trim();
  if (locale === "en") {
    return render(locale, `Please complete the follow-up report for ${caseNumber}`, [
      { kind: "p", text: `The municipality has read the follow-up report on ${caseNumber} (${title}) and asks you to complete it:` },
      { kind: "quote", text: comment },
      { kind: "p", text: "Complete the report and submit it again. Everything you have sent before stays in the report's history." },
      { kind: "link", url, label: "Complete the report" },
    ]);
  }
  return render(locale, `Komplettera återrapporten för ${caseNumber}`, [
    { kind: "p", text: `Kommunen har läst återrapporten för ${caseNumber} (${title}) och ber er komplettera den:` },
    { kind: "quote", text: comment },
    { kind: "p", text: "Komplettera rapporten och skicka in den igen. Det ni skickat tidigare finns kvar i rapportens historik." },
    { kind: "link", url, label: "Komplettera rapporten" },
  ]);
}

/** The report is accepted: the grant's follow-up is done. */
export function followUpAccepted(input: Case): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const caseNumber = oneLine(input.caseNumber);
  const title = oneLine(input.title);
  if (locale === "en") {
    return render(locale, `The follow-up report for ${caseNumber} is accepted`, [
      { kind: "p", text: `Thank you! The municipality has accepted the follow-up report on ${caseNumber} (${title}). Nothing more is needed for this grant's report.` },
      { kind: "link", url, label: "See the report" },
    ]);
  }
  return render(locale, `Återrapporten för ${caseNumber} är godkänd`, [
    { kind: "p", text: `Tack! Kommunen har godkänt återrapporten för ${caseNumber} (${title}). Inget mer behövs för det här bidragets rapport.` },
    { kind: "link", url, label: "Se rapporten" },
  ]);
}
