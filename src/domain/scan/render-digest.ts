// Writes one owner's digest as an email: subject, plain text and an inline-styled HTML table, every value escaped, its size capped.

import type { Severity } from "../workbook-schema";
import type { Digest, DigestItem, DigestMissingItem } from "./digest-plan";
import { SEVERITY_COLORS } from "./severity-colors";
import { utf8ByteLength } from "./utf8-byte-length";

/**
 * Most lines a digest lists (escalations first, most urgent first, then missing values); the rest
 * are counted, with a link to the Escalation Log. A digest still covers every item: the journal and
 * `Last notified` include the counted ones.
 */
export const DIGEST_LIST_LIMIT = 25;

/**
 * Most UTF-8 bytes of a digest's plain text and HTML together: half of MailApp's smallest body
 * limit (200 KB for a consumer account, 400 KB for Google Workspace; guides/services/quotas). A
 * digest over it lists fewer lines until it fits.
 */
export const DIGEST_BYTE_BUDGET = 100 * 1024;

/** Longest text of each field a digest quotes (a cell holds up to 50,000 characters); longer text is cut with "…". */
const FIELD_LIMITS = {
  id: 40,
  name: 100,
  period: 60,
  value: 120,
  condition: 200,
  action: 300,
  due: 40,
  status: 60,
  cell: 20,
  spreadsheetName: 200,
} as const;

/** Where the digest points and who it is from. */
export interface DigestContext {
  spreadsheetName: string;
  /** `Spreadsheet.getUrl()`; a tab link is `${url}#gid=${sheetId}`. */
  spreadsheetUrl: string;
  senderName: string;
  /**
   * The link to the Escalation Log tab (`${url}#gid=${id}`), asked for only when a digest lists
   * fewer escalations than it covers; the spreadsheet's link when not given.
   */
  escalationLogUrl?: () => string;
}

/** A rendered digest, ready for `MailApp.sendEmail`. */
export interface RenderedDigest {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  /** Items covered but not listed (counted, with the link to the Escalation Log). */
  notListed: { escalations: number; missingValues: number };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The link to a tab of the spreadsheet. */
export function tabLink(spreadsheetUrl: string, sheetId: number): string {
  const base = spreadsheetUrl.replace(/#.*$/, "");
  return `${base}#gid=${sheetId}`;
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** `2 new escalations, 1 overdue, 1 reminder, 3 missing values`. */
export function digestHeadline(digest: Digest): string {
  const parts: string[] = [];
  const fresh = digest.items.filter((item) => item.kind === "new").length;
  const reminders = digest.items.length - fresh;
  const overdue = digest.items.filter((item) => item.overdue).length;
  if (fresh > 0) parts.push(plural(fresh, "new escalation"));
  if (overdue > 0) parts.push(`${overdue} overdue`);
  if (reminders > 0) parts.push(plural(reminders, "reminder"));
  if (digest.missing.length > 0) parts.push(plural(digest.missing.length, "missing value"));
  return parts.join(", ");
}

/** `text`, or its start and "…" when longer than `limit` characters (never splitting a surrogate pair). */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit - 1);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

function clipItem(item: DigestItem): DigestItem {
  return {
    ...item,
    id: clipText(item.id, FIELD_LIMITS.id),
    account: clipText(item.account, FIELD_LIMITS.name),
    metric: clipText(item.metric, FIELD_LIMITS.name),
    period: clipText(item.period, FIELD_LIMITS.period),
    value: clipText(item.value, FIELD_LIMITS.value),
    condition: clipText(item.condition, FIELD_LIMITS.condition),
    action: clipText(item.action, FIELD_LIMITS.action),
    due: clipText(item.due, FIELD_LIMITS.due),
    status: clipText(item.status, FIELD_LIMITS.status),
  };
}

function clipMissing(item: DigestMissingItem): DigestMissingItem {
  return {
    ...item,
    account: clipText(item.account, FIELD_LIMITS.name),
    metric: clipText(item.metric, FIELD_LIMITS.name),
    period: clipText(item.period, FIELD_LIMITS.period),
    cell: item.cell === null ? null : clipText(item.cell, FIELD_LIMITS.cell),
  };
}

/** What one rendering lists (clipped for display) and what it only counts. */
interface Listing {
  items: DigestItem[];
  missing: DigestMissingItem[];
  moreItems: DigestItem[];
  moreMissing: DigestMissingItem[];
  spreadsheetName: string;
  logUrl: string;
}

function listing(digest: Digest, context: DigestContext, lines: number): Listing {
  const itemCount = Math.min(digest.items.length, lines);
  const missingCount = Math.min(digest.missing.length, lines - itemCount);
  return {
    items: digest.items.slice(0, itemCount).map(clipItem),
    missing: digest.missing.slice(0, missingCount).map(clipMissing),
    moreItems: digest.items.slice(itemCount),
    moreMissing: digest.missing.slice(missingCount),
    spreadsheetName: clipText(context.spreadsheetName, FIELD_LIMITS.spreadsheetName),
    logUrl:
      digest.items.length > itemCount && context.escalationLogUrl
        ? context.escalationLogUrl()
        : context.spreadsheetUrl,
  };
}

/** `15 more escalations (2 overdue; 3 Critical, 12 Watch)`. */
function moreEscalationsText(more: readonly DigestItem[]): string {
  const overdue = more.filter((item) => item.overdue).length;
  const bySeverity = (["Critical", "Warning", "Watch"] as Severity[])
    .map((severity) => [severity, more.filter((item) => item.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const details = [
    ...(overdue > 0 ? [`${overdue} overdue`] : []),
    ...(bySeverity.length > 0 ? [bySeverity.join(", ")] : []),
  ];
  return `${plural(more.length, "more escalation")}${details.length > 0 ? ` (${details.join("; ")})` : ""}`;
}

/** Distinct accounts of `items`, first appearance first, as [name, sheetId]. */
function accountsOf(items: readonly DigestMissingItem[]): [string, number][] {
  const seen = new Map<string, number>();
  for (const item of items) if (!seen.has(item.account)) seen.set(item.account, item.sheetId);
  return [...seen].map(([account, sheetId]) => [clipText(account, FIELD_LIMITS.name), sheetId]);
}

/** How many account names a "more missing values" line names before counting the rest. */
const NAMED_ACCOUNTS = 3;

/**
 * Renders a digest. The subject stays under Apps Script's 250 characters. The body lists at most
 * {@link DIGEST_LIST_LIMIT} lines, escalations in the plan's order (overdue first, then by severity)
 * before missing values, each field cut to a readable length; when plain text and HTML together
 * would still pass {@link DIGEST_BYTE_BUDGET}, fewer lines are listed. What is not listed is
 * counted (overdue and by severity) with a link to the Escalation Log, in both bodies.
 */
export function renderDigest(digest: Digest, context: DigestContext): RenderedDigest {
  const headline = digestHeadline(digest);
  let name = context.spreadsheetName;
  const room = 240 - `KPI Steward: ${headline} — `.length;
  if (name.length > room) name = `${name.slice(0, Math.max(0, room - 1))}…`;
  const subject = `KPI Steward: ${headline} — ${name}`;
  let lines = Math.min(DIGEST_LIST_LIMIT, digest.items.length + digest.missing.length);
  for (;;) {
    const listed = listing(digest, context, lines);
    const body = plainText(listed, context, headline);
    const htmlBody = html(listed, context, headline);
    if (lines === 0 || utf8ByteLength(body) + utf8ByteLength(htmlBody) <= DIGEST_BYTE_BUDGET)
      return {
        to: digest.to,
        subject,
        body,
        htmlBody,
        name: context.senderName || "KPI Steward",
        notListed: { escalations: listed.moreItems.length, missingValues: listed.moreMissing.length },
      };
    lines = Math.floor((lines * 3) / 4);
  }
}

function itemLabel(item: DigestItem): string {
  return `${item.overdue ? "OVERDUE " : ""}${item.kind === "new" ? "NEW" : "REMINDER"}`;
}

function missingText(item: DigestMissingItem): string {
  const window = item.months > 1 ? ` (or the ${item.months} months before)` : "";
  const where = item.cell ? ` — cell ${item.cell}` : " — no column for that month yet";
  return `${item.account}: ${item.metric} has no value for ${item.period}${window}${where}`;
}

/** `on Acme, Beta and 2 more tabs` for missing values not listed. */
function moreMissingPlaces(
  more: readonly DigestMissingItem[],
  name: (account: string, sheetId: number) => string,
): string {
  const accounts = accountsOf(more);
  const named = accounts.slice(0, NAMED_ACCOUNTS).map(([account, sheetId]) => name(account, sheetId));
  const rest = accounts.length - named.length;
  if (rest > 0) return `on ${named.join(", ")} and ${plural(rest, "more tab")}`;
  if (named.length === 1) return `on ${named[0]}`;
  return `on ${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
}

function plainText(listed: Listing, context: DigestContext, headline: string): string {
  const lines: string[] = [`KPI Steward digest for ${listed.spreadsheetName}: ${headline}.`, ""];
  const accounts = new Map<string, { tabName: string; sheetId: number }>();
  if (listed.items.length > 0 || listed.moreItems.length > 0) {
    lines.push("Escalations:");
    for (const item of listed.items) {
      accounts.set(item.account, item);
      lines.push(
        `- [${itemLabel(item)}] ${item.id} ${item.severity ?? ""} · ${item.account} · ${item.metric} ` +
          `${item.period}: ${item.value} (${item.condition})`,
      );
      if (item.action) lines.push(`  Action: ${item.action}`);
      lines.push(`  Due: ${item.due || "not set"} · Status: ${item.status}`);
    }
    if (listed.moreItems.length > 0)
      lines.push(
        `- … and ${moreEscalationsText(listed.moreItems)} not listed here: ` +
          `see them all in the Escalation Log: ${listed.logUrl}`,
      );
    lines.push("");
  }
  if (listed.missing.length > 0 || listed.moreMissing.length > 0) {
    lines.push("Missing data (enter the value or explain the gap):");
    for (const item of listed.missing) {
      accounts.set(item.account, item);
      lines.push(`- ${missingText(item)}`);
    }
    if (listed.moreMissing.length > 0)
      lines.push(
        `- … and ${plural(listed.moreMissing.length, "more missing value")} not listed here, ` +
          `${moreMissingPlaces(listed.moreMissing, (account) => account)}`,
      );
    lines.push("");
  }
  if (accounts.size > 0) {
    lines.push("Open the account tabs:");
    for (const [account, where] of accounts)
      lines.push(`- ${account}: ${tabLink(context.spreadsheetUrl, where.sheetId)}`);
  }
  lines.push(
    "",
    "Acknowledge, snooze or resolve each escalation in the Escalation Log or the KPI Steward sidebar.",
  );
  return lines.join("\n");
}

const CELL = "padding:4px 8px;border:1px solid #d0d0d0;text-align:left;vertical-align:top;";

function html(listed: Listing, context: DigestContext, headline: string): string {
  const e = escapeHtml;
  const link = (sheetId: number, text: string) =>
    `<a href="${e(tabLink(context.spreadsheetUrl, sheetId))}">${e(text)}</a>`;
  const parts: string[] = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;">',
    `<p>KPI Steward digest for <b>${e(listed.spreadsheetName)}</b>: ${e(headline)}.</p>`,
  ];
  if (listed.items.length > 0) {
    const headers = [
      "",
      "ID",
      "Severity",
      "Account",
      "Metric",
      "Period",
      "Value",
      "Condition",
      "Action",
      "Due",
      "Status",
    ];
    parts.push(
      '<table style="border-collapse:collapse;font-size:13px;">',
      `<tr>${headers.map((h) => `<th style="${CELL}background:#f1f3f4;">${e(h)}</th>`).join("")}</tr>`,
    );
    for (const item of listed.items) {
      const color = item.severity ? SEVERITY_COLORS[item.severity] : "#ffffff";
      const flag = item.overdue ? '<b style="color:#b00020;">OVERDUE</b> ' : "";
      const cells = [
        `${flag}${item.kind === "new" ? "New" : "Reminder"}`,
        e(item.id),
        `<span style="background:${color};padding:0 4px;">${e(item.severity ?? "")}</span>`,
        link(item.sheetId, item.account),
        e(item.metric),
        e(item.period),
        e(item.value),
        e(item.condition),
        e(item.action),
        e(item.due),
        e(item.status),
      ];
      parts.push(`<tr>${cells.map((cell) => `<td style="${CELL}">${cell}</td>`).join("")}</tr>`);
    }
    parts.push("</table>");
  }
  if (listed.moreItems.length > 0)
    parts.push(
      `<p>… and <b>${e(moreEscalationsText(listed.moreItems))}</b> not listed here: ` +
        `<a href="${e(listed.logUrl)}">see them all in the Escalation Log</a>.</p>`,
    );
  if (listed.missing.length > 0 || listed.moreMissing.length > 0) {
    parts.push("<p><b>Missing data</b> (enter the value or explain the gap):</p><ul>");
    for (const item of listed.missing) {
      const window = item.months > 1 ? ` (or the ${item.months} months before)` : "";
      const where = item.cell ? ` — cell ${e(item.cell)}` : " — no column for that month yet";
      parts.push(
        `<li>${link(item.sheetId, item.account)}: ${e(item.metric)} has no value for ${e(item.period)}${e(window)}${where}</li>`,
      );
    }
    if (listed.moreMissing.length > 0)
      parts.push(
        `<li>… and ${plural(listed.moreMissing.length, "more missing value")} not listed here, ` +
          `${moreMissingPlaces(listed.moreMissing, (account, sheetId) => link(sheetId, account))}</li>`,
      );
    parts.push("</ul>");
  }
  parts.push(
    '<p style="color:#5f6368;font-size:12px;">Acknowledge, snooze or resolve each escalation in the Escalation Log ' +
      "or the KPI Steward sidebar.</p></div>",
  );
  return parts.join("\n");
}
