// Mails about messages: the notice of a new message on a case (to the other
// side), and for the contact form the notice to the coordinator and the
// receipt to the sender. Pure: no env, no I/O.
//
// A case notice carries no message text: the thread in the portal is the
// record, and a mail is read in more places than the portal. Text a visitor
// typed never reaches a header except through oneLine (no CR/LF), and the
// receipt, which goes to any address a visitor types, carries none of it at
// all, so the form cannot be used to send someone else words of one's choice.
import { httpUrl, oneLine, render, type Block, type Locale, type MailContent } from "./templates";

/** A subject's share of a visitor's text: one line, and short. */
const SUBJECT_TEXT_MAX = 80;

function clip(value: string, max: number): string {
  const line = oneLine(value);
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * To the other side of a case when someone writes on it: the association's
 * members when the coordinator writes (`toStaff` false), the municipality's
 * coordinators when a member does (`toStaff` true).
 */
export function caseMessageNotice(input: {
  caseNumber: string;
  title: string;
  associationName: string;
  toStaff: boolean;
  url: string;
  locale?: Locale;
}): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const caseNumber = oneLine(input.caseNumber);
  const association = oneLine(input.associationName);
  const title = oneLine(input.title);
  if (locale === "en") {
    const facts: Block = {
      kind: "facts",
      rows: [
        ["Case number", caseNumber],
        ["Association", association],
        ...(title ? [["Application", title] as [string, string]] : []),
      ],
    };
    return render(locale, `New message on case ${caseNumber}`, [
      {
        kind: "p",
        text: input.toStaff
          ? `${association} has written a new message on case ${caseNumber}.`
          : `The international coordinator has written a new message on your application ${caseNumber}.`,
      },
      facts,
      { kind: "p", text: "Read the message and reply in the portal." },
      { kind: "link", url, label: "Read the message" },
    ]);
  }
  const facts: Block = {
    kind: "facts",
    rows: [
      ["Diarienummer", caseNumber],
      ["Förening", association],
      ...(title ? [["Ansökan", title] as [string, string]] : []),
    ],
  };
  return render(locale, `Nytt meddelande i ärende ${caseNumber}`, [
    {
      kind: "p",
      text: input.toStaff
        ? `${association} har skrivit ett nytt meddelande i ärende ${caseNumber}.`
        : `Internationella samordnaren har skrivit ett nytt meddelande om er ansökan ${caseNumber}.`,
    },
    facts,
    { kind: "p", text: "Läs meddelandet och svara i portalen." },
    { kind: "link", url, label: "Läs meddelandet" },
  ]);
}

/** To the coordinators: a message through the contact form, with how the sender wants a reply. */
export function contactMessageNotice(input: {
  topic: string;
  /** The service's name, already in the mail's language. */
  service: string;
  replyBy: "EMAIL" | "PHONE";
  name: string;
  email: string | null;
  phone: string | null;
  body: string;
  /** The coordinator's inbox. */
  url: string;
  locale?: Locale;
}): MailContent {
  const locale = input.locale ?? "sv";
  const url = httpUrl(input.url);
  const topic = clip(input.topic, SUBJECT_TEXT_MAX);
  const rows = (labels: Record<"topic" | "service" | "replyBy" | "name" | "email" | "phone", string>, reply: string) => {
    const out: [string, string][] = [
      [labels.topic, oneLine(input.topic)],
      [labels.service, oneLine(input.service)],
      [labels.name, oneLine(input.name)],
      [labels.replyBy, reply],
    ];
    if (input.email) out.push([labels.email, oneLine(input.email)]);
    if (input.phone) out.push([labels.phone, oneLine(input.phone)]);
    return out;
  };
  if (locale === "en") {
    return render(locale, `Contact form: ${topic}`, [
      { kind: "p", text: "A message has arrived through the contact form." },
      {
        kind: "facts",
        rows: rows(
          { topic: "About", service: "Service", replyBy: "Reply by", name: "Name", email: "E-mail", phone: "Phone" },
          input.replyBy === "EMAIL" ? "E-mail" : "Phone",
        ),
      },
      { kind: "quote", text: input.body.trim() },
      { kind: "link", url, label: "Open the messages" },
    ]);
  }
  return render(locale, `Kontaktformuläret: ${topic}`, [
    { kind: "p", text: "Ett meddelande har kommit in via kontaktformuläret." },
    {
      kind: "facts",
      rows: rows(
        { topic: "Gäller", service: "Verksamhet", replyBy: "Svar via", name: "Namn", email: "E-post", phone: "Telefon" },
        input.replyBy === "EMAIL" ? "E-post" : "Telefon",
      ),
    },
    { kind: "quote", text: input.body.trim() },
    { kind: "link", url, label: "Öppna meddelandena" },
  ]);
}

/** To a visitor who gave an e-mail address: the message has arrived. Holds nothing the visitor typed. */
export function contactReceipt(input: { municipalityName: string; replyBy: "EMAIL" | "PHONE"; locale?: Locale }): MailContent {
  const locale = input.locale ?? "sv";
  const municipality = oneLine(input.municipalityName);
  if (locale === "en") {
    return render(locale, `We have received your message – ${municipality}`, [
      { kind: "p", text: `Thank you for your message to ${municipality}. It has reached the international coordinator.` },
      {
        kind: "p",
        text: input.replyBy === "EMAIL" ? "We will reply to you by e-mail." : "We will call you on the phone number you gave.",
      },
      { kind: "p", text: "If you did not write to us, you can ignore this e-mail." },
    ]);
  }
  return render(locale, `Vi har tagit emot ditt meddelande – ${municipality}`, [
    { kind: "p", text: `Tack för ditt meddelande till ${municipality}. Det har kommit fram till internationella samordnaren.` },
    {
      kind: "p",
      text: input.replyBy === "EMAIL" ? "Vi svarar dig via e-post." : "Vi ringer upp dig på telefonnumret du angav.",
    },
    { kind: "p", text: "Om du inte har skrivit till oss kan du strunta i det här mejlet." },
  ]);
}
