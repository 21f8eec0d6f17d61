// MailApp: an outbox of sent messages with the recipient quota, Apps Script's checks and failure injection.
import type { EmulatedClock } from "./clock";
import type { EmulationContext } from "./emulation-context";

/** Recipients a consumer account may email per day. */
export const DEFAULT_MAIL_DAILY_QUOTA = 100;
/** Recipients allowed on one message. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** Largest body (plain or HTML), in bytes. */
export const MAX_BODY_BYTES = 200 * 1024;
const DAY_MS = 86_400_000;

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

const ADDRESS = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

function splitAddresses(list: string | undefined): string[] {
  if (!list) return [];
  return String(list)
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => /<([^>]+)>\s*$/.exec(part)?.[1]?.trim() ?? part);
}

/** The outbox and quota (emulation side). Quota is counted in recipients over a rolling 24 hours. */
export class MailOutbox {
  /** Messages sent, oldest first. */
  readonly sent: SentEmail[] = [];
  private failAfterSends: number | null = null;
  private failureMessage = "";

  constructor(
    private readonly clock: EmulatedClock,
    /** Recipients allowed per 24 hours. */
    public dailyQuota: number = DEFAULT_MAIL_DAILY_QUOTA,
  ) {}

  /** Recipients still allowed now. */
  remainingQuota(): number {
    const since = this.clock.nowMillis() - DAY_MS;
    let used = 0;
    for (const mail of this.sent) if (mail.sentAt.getTime() > since) used += mail.recipients.length;
    return Math.max(0, this.dailyQuota - used);
  }

  /** Makes every send after the next `successfulSends` ones throw (a mail outage mid-run). */
  failAfter(successfulSends: number, message?: string): void {
    this.failAfterSends = this.sent.length + successfulSends;
    this.failureMessage =
      message ?? `Service unavailable: MailApp (emulated outage after ${successfulSends} successful sends).`;
  }

  /** Ends an outage set with {@link MailOutbox.failAfter}. */
  clearFailure(): void {
    this.failAfterSends = null;
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

  /** Checks and records one message, throwing Apps Script's errors. */
  send_(ctx: EmulationContext, message: EmailMessage): void {
    const recipients = [
      ...splitAddresses(message.to),
      ...splitAddresses(message.cc),
      ...splitAddresses(message.bcc),
    ];
    if (recipients.length === 0) throw ctx.error("Failed to send email: no recipient");
    for (const address of recipients)
      if (!ADDRESS.test(address)) throw ctx.error(`Invalid email: ${address}`);
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE)
      throw ctx.error("Limit Exceeded: Email Recipients Per Message.");
    const subject = message.subject === undefined ? "" : String(message.subject);
    if (subject.length > 250) throw ctx.error("Argument too large: subject");
    const body = message.body === undefined ? "" : String(message.body);
    const htmlBody = message.htmlBody === undefined ? null : String(message.htmlBody);
    if (
      Buffer.byteLength(body) > MAX_BODY_BYTES ||
      (htmlBody !== null && Buffer.byteLength(htmlBody) > MAX_BODY_BYTES)
    )
      throw ctx.error("Limit Exceeded: Email Body Size.");
    if (recipients.length > this.remainingQuota())
      throw ctx.error("Service invoked too many times for one day: email.");
    if (this.failAfterSends !== null && this.sent.length >= this.failAfterSends)
      throw ctx.error(this.failureMessage);
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
   * `sendEmail(recipient, replyTo, subject, body)`. Each recipient (to, cc, bcc) costs one unit of quota.
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
