// MailApp: an outbox of sent messages with the recipient quota, Apps Script's checks and messages, and failure injection.
import type { EmulatedClock } from "./clock";
import type { EmulationContext } from "./emulation-context";

/**
 * The kind of Google account the script runs as; MailApp's limits differ
 * (developers.google.com/apps-script/guides/services/quotas).
 */
export type MailAccountKind = "consumer" | "workspace";

/** Recipients a consumer account may email per day (guides/services/quotas: 100 / day). */
export const DEFAULT_MAIL_DAILY_QUOTA = 100;
/** Recipients a Google Workspace account may email per day (guides/services/quotas: 1,500 / day). */
export const WORKSPACE_MAIL_DAILY_QUOTA = 1500;
/** Recipients allowed on one message (guides/services/quotas, "Email recipients per message": 50 / msg). */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** Largest body of a consumer account's message, in bytes (guides/services/quotas, "Email body size": 200 KB / msg). */
export const CONSUMER_BODY_LIMIT_BYTES = 200 * 1024;
/** Largest body of a Google Workspace account's message, in bytes (guides/services/quotas: 400 KB / msg). */
export const WORKSPACE_BODY_LIMIT_BYTES = 400 * 1024;
/** Longest subject (the message Apps Script throws past it: "Argument too large: subject"). */
const MAX_SUBJECT_CHARS = 250;
const DAY_MS = 86_400_000;

/**
 * The messages MailApp throws, as Apps Script words them for an English-speaking user (Apps Script
 * translates them into the user's language). Quota and limits: developers.google.com/apps-script/
 * guides/services/quotas ("If you exceed a quota or limitation, your script throws an exception");
 * the texts as real executions report them are catalogued by RomainVialard/ErrorHandler
 * (src/ErrorHandler.gs.js).
 */
export const MAIL_ERRORS = {
  noRecipient: "Failed to send email: no recipient",
  invalidEmail: (address: string) => `Invalid email: ${address}`,
  tooManyRecipients: "Limit Exceeded: Email Recipients Per Message.",
  subjectTooLong: "Argument too large: subject",
  bodyTooLarge: "Limit Exceeded: Email Body Size.",
  quota: "Service invoked too many times for one day: email.",
  /** A passing outage: Apps Script's `Service unavailable: <service>` (ErrorHandler's catalogue). */
  unavailable: "Service unavailable: Mail",
  /** A passing server-side error: Apps Script's `Service error: <service>` (ErrorHandler's catalogue). */
  serviceError: "Service error: Mail",
} as const;

/** A message as sent. `to`, `cc`, `bcc` are the comma-separated lists given. */
export interface SentEmail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  attachments: number;
  /** Every recipient address (to, cc, bcc). */
  recipients: string[];
  sentAt: Date;
}

/** The fields of `MailApp.sendEmail(message)` and of its `options` argument. */
export interface EmailMessage {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: Record<string, unknown>;
}

/** Characters of an unquoted local part (RFC 5322 `atext`). */
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
/** A domain label: letters, digits, hyphens, not at either end (RFC 1035). */
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * True when MailApp would accept `address` (reference/mail/mail-app: `sendEmail` throws
 * `Invalid email: <address>` for an address it cannot use). Google does not publish its rule, so
 * the emulation is strict: a dot-atom local part of ASCII `atext` (no leading, trailing or doubled
 * dot; at most 64 characters), a domain of at least two labels of letters, digits and inner hyphens
 * whose last label is not all digits, at most 254 characters in all. Quoted local parts, IP-literal
 * domains and non-ASCII addresses are refused.
 */
export function isAcceptedAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf("@");
  if (at <= 0 || address.indexOf("@") !== at) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !local.split(".").every((atom) => LOCAL_ATOM.test(atom))) return false;
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  return !/^[0-9]+$/.test(labels[labels.length - 1]);
}

function splitAddresses(list: string | undefined): string[] {
  if (!list) return [];
  return String(list)
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => /<([^>]+)>\s*$/.exec(part)?.[1]?.trim() ?? part);
}

/** A failure a test makes MailApp throw: for every send after some point, the next few, or one recipient. */
interface InjectedFailure {
  message: string;
  /** Sends that still succeed before this failure starts (`failAfter`). */
  afterSends?: number;
  /** Sends this failure still applies to (`failNext`); unlimited when absent. */
  remaining?: number;
  /** Only messages with this recipient (lower case) fail (`failTo`). */
  recipient?: string;
}

/** The outbox and quota (emulation side). Quota is counted in recipients over a rolling 24 hours. */
export class MailOutbox {
  /** Messages sent, oldest first. */
  readonly sent: SentEmail[] = [];
  /** Recipients allowed per 24 hours. */
  dailyQuota: number;
  /** Largest body in UTF-8 bytes: the plain and HTML bodies are counted together (see `send_`). */
  bodyLimitBytes: number;
  private failures: InjectedFailure[] = [];

  constructor(
    private readonly clock: EmulatedClock,
    /** Recipients allowed per 24 hours (default: the account kind's quota). */
    dailyQuota?: number,
    /** The account kind, for the default quota and the body limit (default `consumer`). */
    readonly account: MailAccountKind = "consumer",
  ) {
    this.dailyQuota =
      dailyQuota ?? (account === "workspace" ? WORKSPACE_MAIL_DAILY_QUOTA : DEFAULT_MAIL_DAILY_QUOTA);
    this.bodyLimitBytes = account === "workspace" ? WORKSPACE_BODY_LIMIT_BYTES : CONSUMER_BODY_LIMIT_BYTES;
  }

  /** Recipients still allowed now. */
  remainingQuota(): number {
    const since = this.clock.nowMillis() - DAY_MS;
    let used = 0;
    for (const mail of this.sent) if (mail.sentAt.getTime() > since) used += mail.recipients.length;
    return Math.max(0, this.dailyQuota - used);
  }

  /**
   * Makes every send after the next `successfulSends` ones throw (a mail outage mid-run), until
   * {@link MailOutbox.clearFailure}; replaces an outage set before.
   */
  failAfter(successfulSends: number, message: string = MAIL_ERRORS.unavailable): void {
    this.failures = this.failures.filter((failure) => failure.afterSends === undefined);
    this.failures.push({ message, afterSends: this.sent.length + successfulSends });
  }

  /** Makes the next `sends` sends throw `message` (default: a passing server error), then sending works again. */
  failNext(message: string = MAIL_ERRORS.serviceError, sends = 1): void {
    this.failures.push({ message, remaining: sends });
  }

  /**
   * Makes every send with `address` among its recipients throw `message`, until
   * {@link MailOutbox.clearFailure} (a recipient MailApp refuses for a reason the emulation cannot
   * derive from the message, e.g. a Workspace policy).
   */
  failTo(address: string, message: string): void {
    this.failures.push({ message, recipient: address.toLowerCase() });
  }

  /** Ends every failure set with {@link MailOutbox.failAfter}, {@link MailOutbox.failNext} or {@link MailOutbox.failTo}. */
  clearFailure(): void {
    this.failures = [];
  }

  /** Messages with `address` among their recipients. */
  to(address: string): SentEmail[] {
    const lower = address.toLowerCase();
    return this.sent.filter((mail) => mail.recipients.some((r) => r.toLowerCase() === lower));
  }

  /** Empties the outbox (and so restores the quota). */
  clear(): void {
    this.sent.length = 0;
  }

  /** The injected failure that applies to a message to `recipients`, used up by one send when counted. */
  private injectedFailure(recipients: readonly string[]): string | null {
    for (const failure of this.failures) {
      if (failure.afterSends !== undefined && this.sent.length < failure.afterSends) continue;
      if (failure.recipient !== undefined && !recipients.some((r) => r.toLowerCase() === failure.recipient))
        continue;
      if (failure.remaining !== undefined) {
        if (failure.remaining <= 0) continue;
        failure.remaining -= 1;
      }
      return failure.message;
    }
    return null;
  }

  /**
   * Checks and records one message, throwing Apps Script's errors in the order Apps Script checks
   * its arguments before sending: recipients, addresses, recipients per message, subject, body size
   * (reference/mail/mail-app; guides/services/quotas), then the day's quota, then injected failures.
   */
  send_(ctx: EmulationContext, message: EmailMessage): void {
    const recipients = [
      ...splitAddresses(message.to),
      ...splitAddresses(message.cc),
      ...splitAddresses(message.bcc),
    ];
    // reference/mail/mail-app: a message needs a recipient.
    if (recipients.length === 0) throw ctx.error(MAIL_ERRORS.noRecipient);
    // reference/mail/mail-app: an address MailApp cannot use throws `Invalid email: <address>`
    // (strict rule: see isAcceptedAddress).
    for (const address of recipients)
      if (!isAcceptedAddress(address)) throw ctx.error(MAIL_ERRORS.invalidEmail(address));
    // guides/services/quotas: "Email recipients per message" 50 / msg.
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) throw ctx.error(MAIL_ERRORS.tooManyRecipients);
    const subject = message.subject === undefined ? "" : String(message.subject);
    // A longer subject throws "Argument too large: subject" (ErrorHandler's catalogue; 250 characters
    // is the emulation's strict bound, Google publishes none).
    if (subject.length > MAX_SUBJECT_CHARS) throw ctx.error(MAIL_ERRORS.subjectTooLong);
    const body = message.body === undefined ? "" : String(message.body);
    const htmlBody = message.htmlBody === undefined ? null : String(message.htmlBody);
    // guides/services/quotas: "Email body size" 200 KB / msg (consumer), 400 KB / msg (Workspace).
    // Google does not say whether the plain and HTML bodies count apart; the emulation is strict
    // and counts them together.
    if (Buffer.byteLength(body) + (htmlBody === null ? 0 : Buffer.byteLength(htmlBody)) > this.bodyLimitBytes)
      throw ctx.error(MAIL_ERRORS.bodyTooLarge);
    // guides/services/quotas: "Email recipients per day", counted per recipient; past it the
    // service throws "Service invoked too many times for one day: email.".
    if (recipients.length > this.remainingQuota()) throw ctx.error(MAIL_ERRORS.quota);
    const injected = this.injectedFailure(recipients);
    if (injected !== null) throw ctx.error(injected);
    this.sent.push({
      to: message.to === undefined ? "" : String(message.to),
      cc: message.cc === undefined ? "" : String(message.cc),
      bcc: message.bcc === undefined ? "" : String(message.bcc),
      subject,
      body,
      htmlBody,
      name: message.name === undefined ? null : String(message.name),
      replyTo: message.replyTo === undefined ? null : String(message.replyTo),
      noReply: Boolean(message.noReply),
      attachments: Array.isArray(message.attachments) ? message.attachments.length : 0,
      recipients,
      sentAt: this.clock.now(),
    });
  }
}

/** The emulated `MailApp`. */
export class MailApp {
  constructor(
    readonly ctx: EmulationContext,
    private readonly outbox: MailOutbox,
  ) {}

  /**
   * Sends a message: `sendEmail(message)`, `sendEmail(recipient, subject, body, options?)` or
   * `sendEmail(recipient, replyTo, subject, body)` (reference/mail/mail-app). Each recipient (to, cc,
   * bcc) costs one unit of quota; a refused message costs none.
   */
  sendEmail(
    messageOrRecipient: EmailMessage | string,
    subject?: string,
    body?: string,
    options?: EmailMessage | string,
  ): void {
    let message: EmailMessage;
    if (typeof messageOrRecipient === "object" && messageOrRecipient !== null)
      message = { ...messageOrRecipient };
    else if (typeof options === "string")
      message = { to: messageOrRecipient, replyTo: subject, subject: body, body: options };
    else message = { ...(options ?? {}), to: messageOrRecipient, subject, body };
    this.outbox.send_(this.ctx, message);
  }

  /** Recipients that can still be emailed today. */
  getRemainingDailyQuota(): number {
    return this.outbox.remainingQuota();
  }
}
