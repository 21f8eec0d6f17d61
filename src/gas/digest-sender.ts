// Sends the digests within the day's mail quota, journaling each send so a run that dies never mails twice; a send that will never succeed does not hold up the others.
import type { Digest } from "../domain/scan/digest-plan";
import type { MailFailure } from "../domain/scan/mail-failure";
import { classifyMailError } from "../domain/scan/mail-failure";
import type { JournalEntry } from "../domain/scan/mail-journal";
import { encodeJournal } from "../domain/scan/mail-journal";
import type { DigestContext, RenderedDigest } from "../domain/scan/render-digest";
import { clipText, renderDigest } from "../domain/scan/render-digest";
import type { ScanStore } from "./scan-store";
import { SCAN_PROPERTY } from "./scan-store";

/** A digest that went out, with when. */
export interface SentDigest {
  digest: Digest;
  rendered: RenderedDigest;
  at: Date;
}

/** A digest MailApp refused for a reason that will repeat: not sent, not queued. */
export interface FailedDigest {
  digest: Digest;
  failure: MailFailure;
  /** MailApp's own message. */
  message: string;
}

/** What sending achieved. */
export interface SendResult {
  sent: SentDigest[];
  /** Digests left for the next run (over quota, after a failure that may pass, or out of time). */
  queued: Digest[];
  /** Digests MailApp refused for a reason that will repeat (see {@link classifyMailError}). */
  failed: FailedDigest[];
  /** Why sending stopped early, when it did. */
  stoppedBecause?: string;
}

/**
 * Sends each digest, in order, while the day's quota (read once, before the first send) and the
 * time allow. Around each `sendEmail` the journal is written twice: `sending` just before (so a run
 * killed during the call counts the digest as sent: never twice), `sent` just after. A `sendEmail`
 * that throws is taken as not sent and its journal entry is removed; then, by
 * {@link classifyMailError}: a failure that will repeat (an address MailApp rejects, a body too
 * large, too many recipients) is listed in `failed` and sending goes on with the next digest; the
 * quota used up or any other failure (which may pass) leaves it and every later digest queued. The
 * journal is cleared by the caller once `Last notified` is in the log.
 */
export function sendDigests(
  digests: readonly Digest[],
  context: DigestContext,
  store: ScanStore,
  journal: JournalEntry[],
  deadline: number,
): SendResult {
  const result: SendResult = { sent: [], queued: [], failed: [] };
  if (digests.length === 0) return result;
  let quota = MailApp.getRemainingDailyQuota();
  for (let index = 0; index < digests.length; index += 1) {
    const digest = digests[index];
    if (quota < 1) {
      result.stoppedBecause = "the daily email quota is used up";
      result.queued.push(...digests.slice(index));
      break;
    }
    if (Date.now() > deadline) {
      result.stoppedBecause = "the run's time ran out";
      result.queued.push(...digests.slice(index));
      break;
    }
    const rendered = renderDigest(digest, context);
    const at = new Date();
    const entry: JournalEntry = {
      to: digest.to,
      ids: digest.items.map((item) => item.id),
      missing: digest.missing.map((item) => item.key),
      at: at.getTime(),
      state: "sending",
    };
    journal.push(entry);
    store.writeText(SCAN_PROPERTY.mailJournal, encodeJournal(journal));
    try {
      MailApp.sendEmail({
        to: rendered.to,
        subject: rendered.subject,
        body: rendered.body,
        htmlBody: rendered.htmlBody,
        name: rendered.name,
      });
    } catch (error) {
      journal.pop();
      store.writeText(SCAN_PROPERTY.mailJournal, journal.length > 0 ? encodeJournal(journal) : null);
      const message = String((error as Error)?.message ?? error);
      const failure = classifyMailError(message);
      if (failure.kind === "permanent") {
        result.failed.push({ digest, failure, message });
        continue;
      }
      result.stoppedBecause = `sending to ${clipText(digest.to, 254)} failed: ${clipText(message, 300)}`;
      result.queued.push(...digests.slice(index));
      break;
    }
    entry.state = "sent";
    store.writeText(SCAN_PROPERTY.mailJournal, encodeJournal(journal));
    result.sent.push({ digest, rendered, at });
    quota -= 1;
  }
  return result;
}
