// Sorts a failed MailApp.sendEmail: a failure that will repeat (the digest is recorded and the run goes on) or one that may pass (queued).
import { countOf } from "../plural";
import { clipText } from "./render-digest";
import type { FailedEmail } from "./scan-summary";

/**
 * How a failed send is handled.
 * - `permanent`: sending the same digest again fails the same way (an address MailApp rejects, a
 *   body over its size limit, too many recipients). It is recorded as not sent and the run goes on
 *   with the other owners; the next run plans it again (so a corrected address gets it).
 * - `quota`: the day's recipient quota is used up; this and every later digest wait for the next run.
 * - `transient`: anything else (a service outage, a server error, a message we do not know): this
 *   and every later digest wait for the next run, as a failure that may pass.
 */
export type MailFailureKind = "permanent" | "quota" | "transient";

/** A classified `sendEmail` error. */
export interface MailFailure {
  kind: MailFailureKind;
  /** What went wrong, in words for the user (without the fix, which depends on where the address came from). */
  reason: string;
  /** For `permanent`: whether correcting the recipient's address is the fix. */
  addressProblem: boolean;
}

interface KnownFailure {
  pattern: RegExp;
  kind: MailFailureKind;
  reason: string;
  addressProblem?: boolean;
}

/**
 * MailApp's messages, English first, then the translations Apps Script throws for users with another
 * language (error messages are localized). Sources: reference/mail/mail-app and
 * guides/services/quotas (limits: 50 recipients per message, body 200 KB consumer / 400 KB Workspace,
 * "Service invoked too many times for one day"), and the messages catalogued from real executions
 * by RomainVialard/ErrorHandler (src/ErrorHandler.gs.js: `Invalid email: …` and its translations,
 * `Limit Exceeded: Email Body Size.`, `Limit Exceeded: Email Recipients Per Message.`,
 * `Failed to send email: no recipient`, `Argument too large: subject`).
 */
const KNOWN_FAILURES: readonly KnownFailure[] = [
  {
    pattern:
      /^(?:Invalid email|El correo electrónico no es válido|E-mail incorrect|Email không hợp lệ|Ongeldige e-mail|無效的電子郵件)\s*[:：]/i,
    kind: "permanent",
    reason: "MailApp rejects the address as invalid",
    addressProblem: true,
  },
  {
    pattern: /^Failed to send email: no recipient/i,
    kind: "permanent",
    reason: "MailApp found no recipient address",
    addressProblem: true,
  },
  {
    pattern: /^Limit Exceeded: Email Recipients Per Message/i,
    kind: "permanent",
    reason: "the email has more recipients than MailApp allows on one message (50)",
    addressProblem: true,
  },
  {
    pattern: /^Limit Exceeded: Email Body Size/i,
    kind: "permanent",
    reason: "the email is larger than MailApp allows (200 KB, or 400 KB for Google Workspace)",
  },
  {
    pattern: /^Limit Exceeded: Email Total Attachments Size/i,
    kind: "permanent",
    reason: "the email's attachments are larger than MailApp allows",
  },
  {
    pattern: /^Argument too large: subject/i,
    kind: "permanent",
    reason: "the subject is longer than MailApp allows (250 characters)",
  },
  {
    pattern:
      /^(?:Service invoked too many times for one day|Trop d'appels pour ce service aujourd'hui|Servicio solicitado demasiadas veces en un mismo día|Serviço chamado muitas vezes no mesmo dia|Dịch vụ bị gọi quá nhiều lần trong một ngày)\s*:\s*email/i,
    kind: "quota",
    reason: "the daily email quota is used up",
  },
];

/**
 * Classifies the message of an error thrown by `MailApp.sendEmail`. Only messages known to repeat
 * are `permanent`; an unknown message is `transient`, so a digest is never dropped on a guess: it is
 * queued and tried again. The `Exception: ` prefix Apps Script shows in logs is ignored.
 */
export function classifyMailError(message: string): MailFailure {
  const text = String(message ?? "")
    .replace(/^(?:Exception|Error)\s*:\s*/i, "")
    .trim();
  for (const known of KNOWN_FAILURES)
    if (known.pattern.test(text))
      return { kind: known.kind, reason: known.reason, addressProblem: known.addressProblem === true };
  return { kind: "transient", reason: "MailApp failed, which may pass", addressProblem: false };
}

/** Tabs a failure names before counting the rest. */
const NAMED_TABS = 5;
/** Longest part of MailApp's message (it quotes the address, which a cell can make long) kept in a reason. */
const MESSAGE_LIMIT = 200;

/** `Acme`, `Acme and Beta`, `Acme, Beta and 4 more tabs`. */
function tabList(tabs: readonly string[]): string {
  const named = tabs.slice(0, NAMED_TABS).map((tab) => clipText(tab, 100));
  const rest = tabs.length - named.length;
  if (rest > 0) return `${named.join(", ")} and ${countOf(rest, "more tab")}`;
  if (named.length <= 1) return named.join("");
  return `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
}

/**
 * A permanent failure as the run summary lists it: who, which tabs, what was covered, and a reason
 * that says what fixes it (the `Owner email` of those tabs for an address problem).
 */
export function describeFailedDigest(
  digest: {
    to: string;
    items: readonly { id: string; tabName: string }[];
    missing: readonly { tabName: string }[];
  },
  failure: MailFailure,
  message: string,
): FailedEmail {
  const tabs = [...new Set([...digest.items, ...digest.missing].map((item) => item.tabName))];
  const quoted = clipText(message.replace(/\s+/g, " ").trim(), MESSAGE_LIMIT);
  const fix = failure.addressProblem
    ? `correct "Owner email" on ${tabList(tabs)}; the next run emails the corrected address`
    : "the escalations stay in the Escalation Log without Last notified, and the next run tries again";
  return {
    to: clipText(digest.to, 254),
    tabs,
    escalations: digest.items.map((item) => item.id),
    missingData: digest.missing.length,
    reason: `${failure.reason} (${quoted}); ${fix}`,
  };
}
