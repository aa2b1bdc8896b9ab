import "server-only";
import { sendMail, type OutgoingMail } from "@/lib/mail/send";
import { logError } from "@/lib/log";

/**
 * Sends notices after the change that caused them has committed. A failed
 * send is logged and does not undo the change.
 * TODO(issue 4): write these to an outbox in the same transaction instead.
 */
export async function notify(mails: OutgoingMail[]): Promise<void> {
  for (const mail of mails) {
    try {
      await sendMail(mail);
    } catch (error) {
      logError("sending a notice failed", error);
    }
  }
}
