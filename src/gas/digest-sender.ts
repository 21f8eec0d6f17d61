// Sends the digests within the day's mail quota, journaling each send so a run that dies never mails twice; a send that will never succeed does not hold up the others.
import type { Digest } from "../domain/scan/digest-plan";
import type { MailFailure } from "../domain/scan/mail-failure";
import { classifyMailError } from "../domain/scan/mail-failure";
import type { JournalEntry } from "../domain/scan/mail-journal";
import { encodeJournal, markSent, sendingEntry } from "../domain/scan/mail-journal";
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
  /** The journal as sending left it in the store: the entries of the digests sent (the caller clears it). */
  journal: JournalEntry[];
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
  journal: readonly JournalEntry[],
  deadline: number,
): SendResult {
  const result: SendResult = { sent: [], queued: [], failed: [], journal: [...journal] };
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
    const entry = sendingEntry(digest, at);
    // Exactly once: the journal says `sending` before the mail can leave, so a run killed during
    // sendEmail counts this digest as sent (never twice) …
    store.writeText(SCAN_PROPERTY.mailJournal, encodeJournal([...result.journal, entry]));
    try {
      MailApp.sendEmail({
        to: rendered.to,
        subject: rendered.subject,
        body: rendered.body,
        htmlBody: rendered.htmlBody,
        name: rendered.name,
      });
    } catch (error) {
      // … a send that threw sent nothing: its entry goes …
      store.writeText(
        SCAN_PROPERTY.mailJournal,
        result.journal.length > 0 ? encodeJournal(result.journal) : null,
      );
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
    // … and one that returned is `sent`, so it is not reported as uncertain.
    result.journal = markSent([...result.journal, entry], entry);
    store.writeText(SCAN_PROPERTY.mailJournal, encodeJournal(result.journal));
    result.sent.push({ digest, rendered, at });
    quota -= 1;
  }
  return result;
}
