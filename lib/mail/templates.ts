// The portal's e-mails, in Swedish and English. Each template returns the
// subject and both bodies; sendMail does the sending. Pure: no env, no I/O.
//
// Everything interpolated into HTML goes through escapeHtml, since names,
// titles and reasons are typed by users. Links must be http(s).
import { sanitizeHeader } from "./headers";

export type Locale = "sv" | "en";
export type MailContent = { subject: string; text: string; html: string };
export type GrantKind = "BASE" | "ACTIVITY";

const SIGNATURE: Record<Locale, string> = {
  sv: "Internationella bidrag",
  en: "International grants",
};

const GREETING: Record<Locale, string> = { sv: "Hej!", en: "Hello," };
const REGARDS: Record<Locale, string> = { sv: "Vänliga hälsningar", en: "Kind regards" };
const COPY_LINK: Record<Locale, string> = {
  sv: "Fungerar inte knappen? Kopiera länken och klistra in den i webbläsaren:",
  en: "If the button does not work, copy the link into your browser:",
};

const GRANT_KIND_LABEL: Record<Locale, Record<GrantKind, string>> = {
  sv: { BASE: "Grundbidrag", ACTIVITY: "Aktivitetsbidrag" },
  en: { BASE: "Base grant", ACTIVITY: "Activity grant" },
};

export function signInLink(input: { url: string; minutesValid: number; locale?: Locale }): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const minutes = formatMinutes(input.minutesValid, locale);
  if (locale === "en") {
    return render(locale, "Your sign-in link", [
      { kind: "p", text: "Use the link below to sign in to the international exchange grants portal." },
      { kind: "link", url, label: "Sign in" },
      { kind: "p", text: `The link is valid for ${minutes} and can only be used once.` },
      {
        kind: "p",
        text: "If you did not ask to sign in, you can ignore this e-mail. Nobody can sign in with your address without the link.",
      },
    ]);
  }
  return render(locale, "Din inloggningslänk", [
    { kind: "p", text: "Använd länken nedan för att logga in i portalen för internationella utbytesbidrag." },
    { kind: "link", url, label: "Logga in" },
    { kind: "p", text: `Länken gäller i ${minutes} och kan bara användas en gång.` },
    {
      kind: "p",
      text: "Om du inte har bett om att logga in kan du strunta i det här mejlet. Ingen kan logga in med din adress utan länken.",
    },
  ]);
}

export function invitation(input: { associationName: string; inviterName: string; url: string; locale?: Locale }): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const association = oneLine(input.associationName);
  const inviter = oneLine(input.inviterName);
  if (locale === "en") {
    return render(locale, `You are invited to ${association}`, [
      {
        kind: "p",
        text: `${inviter} has invited you to join ${association} in the international exchange grants portal, where the association applies for grants for exchanges with partner towns.`,
      },
      { kind: "link", url, label: "Accept the invitation" },
      { kind: "p", text: "If you do not recognise this invitation, you can ignore this e-mail." },
    ]);
  }
  return render(locale, `Du är inbjuden till ${association}`, [
    {
      kind: "p",
      text: `${inviter} har bjudit in dig till ${association} i portalen för internationella utbytesbidrag. Där söker föreningen bidrag för utbyten med vänorter och partnerorter.`,
    },
    { kind: "link", url, label: "Tacka ja till inbjudan" },
    { kind: "p", text: "Om du inte känner igen inbjudan kan du strunta i det här mejlet." },
  ]);
}

export function applicationReceipt(input: {
    caseNumber: string;
    title: string;
    associationName: string;
    grantKind: GrantKind;
    partnerTown: string;
    requestedAmount: number;
    url: string;
    locale?: Locale;
  }): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const caseNumber = oneLine(input.caseNumber);
  const association = oneLine(input.associationName);
  const grantKind = GRANT_KIND_LABEL[locale][input.grantKind];
  const amount = formatAmount(input.requestedAmount, locale);
  if (locale === "en") {
    return render(locale, `We have received your application ${caseNumber}`, [
      { kind: "p", text: `Thank you! We have received the application from ${association}.` },
      {
        kind: "facts",
        rows: [
          ["Case number", caseNumber],
          ["Application", oneLine(input.title)],
          ["Grant", grantKind],
          ["Partner town", oneLine(input.partnerTown)],
          ["Amount requested", amount, true],
        ],
      },
      { kind: "p", text: "The municipality will review the application and let you know when a decision has been made. Please quote the case number if you contact us about it." },
      { kind: "link", url, label: "View the application" },
    ]);
  }
  return render(locale, `Vi har tagit emot er ansökan ${caseNumber}`, [
    { kind: "p", text: `Tack! Vi har tagit emot ansökan från ${association}.` },
    {
      kind: "facts",
      rows: [
        ["Diarienummer", caseNumber],
        ["Ansökan", oneLine(input.title)],
        ["Bidrag", grantKind],
        ["Vänort", oneLine(input.partnerTown)],
        ["Sökt belopp", amount, true],
      ],
    },
    { kind: "p", text: "Kommunen går nu igenom ansökan och meddelar er när beslutet är fattat. Ange diarienumret om du kontaktar oss om ansökan." },
    { kind: "link", url, label: "Se ansökan" },
  ]);
}

export function associationVerified(input: { associationName: string; url: string; locale?: Locale }): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const association = oneLine(input.associationName);
  if (locale === "en") {
    return render(locale, `${association} has been approved`, [
      {
        kind: "p",
        text: `The municipality has checked the details of ${association} and approved the association. You can now apply for grants.`,
      },
      { kind: "link", url, label: "Go to the portal" },
    ]);
  }
  return render(locale, `${association} är godkänd`, [
    {
      kind: "p",
      text: `Kommunen har kontrollerat uppgifterna om ${association} och godkänt föreningen. Nu kan ni söka bidrag.`,
    },
    { kind: "link", url, label: "Gå till portalen" },
  ]);
}

/** To each committee member when cases are put to the committee. */
export function consultationRequest(input: { count: number; closesOn: string; url: string; locale?: Locale }): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const closesOn = oneLine(input.closesOn);
  if (locale === "en") {
    return render(locale, `The international committee is consulted: ${input.count} case(s) by ${closesOn}`, [
      { kind: "p", text: `The international coordinator asks for the committee's view on ${input.count} application(s) before deciding.` },
      { kind: "p", text: `Please give your recommendation – approve, reject or abstain, with a comment – or declare a conflict of interest, by ${closesOn}.` },
      { kind: "link", url, label: "See the cases" },
    ]);
  }
  return render(locale, `Samråd med internationella kommittén: ${input.count} ärende(n) senast ${closesOn}`, [
    { kind: "p", text: `Internationella samordnaren vill höra kommitténs synpunkter på ${input.count} ansökan/ansökningar innan beslut.` },
    { kind: "p", text: `Lämna din rekommendation – bifall, avslag eller avstår, med en kommentar – eller anmäl jäv, senast ${closesOn}.` },
    { kind: "link", url, label: "Se ärendena" },
  ]);
}

export function associationRejected(input: { associationName: string; reason: string; locale?: Locale }): MailContent {
  const locale = input.locale ?? "sv";
  const association = oneLine(input.associationName);
  const reason = input.reason.trim();
  if (locale === "en") {
    return render(locale, `${association} could not be approved`, [
      { kind: "p", text: `The municipality has reviewed the details of ${association} but could not approve the association. The reason given:` },
      { kind: "quote", text: reason },
      { kind: "p", text: "If you have questions or want to send more information, please contact the municipality." },
    ]);
  }
  return render(locale, `${association} kunde inte godkännas`, [
    { kind: "p", text: `Kommunen har gått igenom uppgifterna om ${association} men kunde inte godkänna föreningen. Så här motiverar kommunen beslutet:` },
    { kind: "quote", text: reason },
    { kind: "p", text: "Har du frågor eller vill du komplettera uppgifterna? Kontakta kommunen." },
  ]);
}

/** Whole kronor as a Swede writes them ("10 000 kr"); English mails get "SEK 10,000". */
// Built once, not per amount (as lib/pdf/decision-letter.ts formatKronor).
const AMOUNT = { sv: new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }), en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }) };

export function formatAmount(kronor: number, locale: Locale = "sv"): string {
  if (!Number.isFinite(kronor)) throw new Error(`Not an amount: ${kronor}`);
  const number = AMOUNT[locale === "sv" ? "sv" : "en"]
    .format(kronor)
    // ICU uses no-break spaces and a real minus sign; plain text mail reads better with ASCII.
    .replace(/[\u00A0\u202F]/g, " ")
    .replace(/\u2212/g, "-");
  return locale === "sv" ? `${number} kr` : `SEK ${number}`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The building blocks of a mail; other template modules (templates-*.ts) build with them. */
export type Block =
  | { kind: "p"; text: string }
  | { kind: "link"; url: string; label: string }
  // nowrap keeps "10 000 kr" on one line on a narrow screen.
  | { kind: "facts"; rows: [label: string, value: string, nowrap?: boolean][] }
  | { kind: "quote"; text: string };

export function render(locale: Locale, subject: string, blocks: Block[]): MailContent {
  const text = [
    GREETING[locale],
    ...blocks.map((block) => blockText(block)),
    `${REGARDS[locale]}\n${SIGNATURE[locale]}`,
  ].join("\n\n");

  const body = [
    `<p>${escapeHtml(GREETING[locale])}</p>`,
    ...blocks.map((block) => blockHtml(block, locale)),
    `<p>${escapeHtml(REGARDS[locale])}<br>${escapeHtml(SIGNATURE[locale])}</p>`,
  ].join("\n");
  const cleanSubject = sanitizeHeader(subject);
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(cleanSubject)}</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px;margin:0 auto">
${body}
</div>
</body>
</html>
`;
  return { subject: cleanSubject, text: `${text}\n`, html };
}

function blockText(block: Block): string {
  switch (block.kind) {
    case "p":
      return block.text;
    case "link":
      return `${block.label}:\n${block.url}`;
    case "facts":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
    case "quote":
      return block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join("\n");
  }
}

function blockHtml(block: Block, locale: Locale): string {
  switch (block.kind) {
    case "p":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "link": {
      const href = escapeHtml(block.url);
      return [
        `<p><a href="${href}" style="display:inline-block;padding:12px 20px;background:#0b5394;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(block.label)}</a></p>`,
        `<p style="font-size:14px">${escapeHtml(COPY_LINK[locale])}<br><a href="${href}" style="color:#0b5394;word-break:break-all">${href}</a></p>`,
      ].join("\n");
    }
    case "facts":
      return `<table style="border-collapse:collapse;margin:0 0 16px">\n${block.rows
        .map(
          ([label, value, nowrap]) =>
            `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${nowrap ? escapeHtml(value).replace(/ /g, "&nbsp;") : escapeHtml(value)}</td></tr>`,
        )
        .join("\n")}\n</table>`;
    case "quote":
      return `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #999999;white-space:pre-line">${escapeHtml(block.text)}</blockquote>`;
  }
}

export function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`Mail link is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Mail link must be http(s): ${JSON.stringify(value)}`);
  }
  // The parsed form has no whitespace, quotes or angle brackets left to break a line or an attribute.
  return url.href;
}

export function oneLine(value: string): string {
  return sanitizeHeader(value).replace(/\s+/g, " ");
}

function formatMinutes(minutes: number, locale: Locale): string {
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error(`minutesValid must be a positive whole number: ${minutes}`);
  if (locale === "en") return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  return `${minutes} ${minutes === 1 ? "minut" : "minuter"}`;
}

/**
 * To each member of the association when its application is decided. The
 * letter itself (reasons, conditions, how to appeal) is a PDF on the
 * application's page, where members can download it at any time.
 */
export function decisionNotice(input: {
  caseNumber: string;
  outcome: "APPROVED" | "REJECTED";
  /** Whole kronor granted; ignored for a rejection. */
  amount: number;
  url: string;
  locale?: Locale;
}): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const caseNumber = oneLine(input.caseNumber);
  const approved = input.outcome === "APPROVED";
  if (locale === "en") {
    return render(locale, `Decision on your application ${caseNumber}`, [
      {
        kind: "p",
        text: approved
          ? `The municipality has decided on your application ${caseNumber}: the grant is approved.`
          : `The municipality has decided on your application ${caseNumber}: the application is rejected.`,
      },
      {
        kind: "facts",
        rows: [
          ["Case number", caseNumber],
          ["Decision", approved ? "Approved" : "Rejected"],
          ...(approved ? [["Amount granted", formatAmount(input.amount, locale), true] as [string, string, boolean]] : []),
        ],
      },
      {
        kind: "p",
        text: "The decision letter, in Swedish, gives the reasons, the conditions and how to appeal. Download it as a PDF from the application's page, now or at any time later.",
      },
      { kind: "link", url, label: "See the decision" },
    ]);
  }
  return render(locale, `Beslut om er ansökan ${caseNumber}`, [
    {
      kind: "p",
      text: approved
        ? `Kommunen har fattat beslut om er ansökan ${caseNumber}: bidraget är beviljat.`
        : `Kommunen har fattat beslut om er ansökan ${caseNumber}: ansökan är avslagen.`,
    },
    {
      kind: "facts",
      rows: [
        ["Diarienummer", caseNumber],
        ["Beslut", approved ? "Beviljad" : "Avslagen"],
        ...(approved ? [["Beviljat belopp", formatAmount(input.amount, locale), true] as [string, string, boolean]] : []),
      ],
    },
    {
      kind: "p",
      text: "I beslutsbrevet står skälen för beslutet, villkoren och hur man överklagar. Ni laddar ner det som PDF på ansökans sida, nu eller när som helst senare.",
    },
    { kind: "link", url, label: "Se beslutet" },
  ]);
}
