import "server-only";
// Every e-mail goes through here: a row in the outbox, written in the caller's
// transaction, so the mail exists exactly when the change that causes it does.
// The worker (lib/jobs) delivers it; see docs/decisions/0007-mail-outbox.md.
import type { Tx } from "@/lib/db";
import type { MailContent } from "./templates";
import { parseMailbox, sanitizeHeader } from "./headers";

export type QueuedMail = MailContent & {
  /** One mailbox or several ("a@b.se" or "Name <a@b.se>"). */
  to: string | string[];
  replyTo?: string;
  /** What caused it, e.g. "application.receipt"; shown to staff. */
  kind: string;
  /** Whose municipality's staff see it; null for mail that belongs to no municipality (sign-in links). */
  municipalityId: string | null;
  applicationId?: string | null;
  reminderId?: string | null;
  /** Holds a secret link: the body is erased once delivered or expired. */
  sensitive?: boolean;
  /** Not delivered after this moment. */
  expiresAt?: Date | null;
};

/** Writes the mails to the outbox in the caller's transaction; returns their ids. */
export async function queueMail(tx: Tx, mails: QueuedMail[]): Promise<string[]> {
  const ids: string[] = [];
  for (const mail of mails) {
    const to = [mail.to].flat();
    if (to.length === 0) continue;
    // Checked now, so a bad address fails the change that caused it instead of failing later, unseen.
    to.forEach(parseMailbox);
    if (mail.replyTo) parseMailbox(mail.replyTo);
    const row = await tx.outboxMail.create({
      data: {
        kind: mail.kind,
        municipalityId: mail.municipalityId,
        applicationId: mail.applicationId ?? null,
        reminderId: mail.reminderId ?? null,
        to,
        replyTo: mail.replyTo ?? null,
        subject: sanitizeHeader(mail.subject),
        text: mail.text,
        html: mail.html,
        sensitive: mail.sensitive ?? false,
        expiresAt: mail.expiresAt ?? null,
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}
