import "server-only";
// The only place that hands mail to SMTP. Throws when the server refuses or
// cannot be reached. Only the outbox worker (lib/jobs) calls it, and retries:
// services queue mail with queueMail (lib/mail/outbox.ts) in their transaction.
import { parseMailbox, sanitizeHeader } from "./headers";
import { getTransportOrThrow } from "./transport";

export type OutgoingMail = {
  /** One address or several; each must be exactly one mailbox ("a@b.se" or "Name <a@b.se>"). */
  to: string | string[];
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
};

export type SentMail = { messageId: string; accepted: string[]; rejected: string[] };

export async function sendMail(mail: OutgoingMail): Promise<SentMail> {
  const to = [mail.to].flat().map(parseMailbox);
  if (to.length === 0) throw new Error("sendMail needs at least one recipient");
  const replyTo = mail.replyTo ? parseMailbox(mail.replyTo) : undefined;
  const { transporter, from } = getTransportOrThrow();
  // Mailbox objects, not strings: nodemailer then encodes names itself instead of parsing them.
  const info = await transporter.sendMail({
    from,
    to,
    replyTo,
    subject: sanitizeHeader(mail.subject),
    text: mail.text,
    html: mail.html,
  });
  const addresses = (list: SentMail["accepted"] | typeof info.accepted) =>
    list.map((entry) => (typeof entry === "string" ? entry : entry.address));
  return { messageId: info.messageId, accepted: addresses(info.accepted), rejected: addresses(info.rejected) };
}
