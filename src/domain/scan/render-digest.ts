// Writes one owner's digest as an email: a subject that leads with the most urgent item, one card per item (HTML, mobile first) and the same in plain text, every value escaped, its size capped.

import { formatPeopleDay, formatPeopleMoment } from "../calendar/people-date";
import { countOf } from "../plural";
import type { Severity } from "../workbook-schema";
import type { Digest, DigestDue, DigestItem, DigestMissingItem } from "./digest-plan";
import { SEVERITY_COLORS } from "./severity-colors";
import { utf8ByteLength } from "./utf8-byte-length";
import { formatValueAgainstRule } from "./value-against-rule";

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
  measure: 240,
  gap: 80,
  condition: 200,
  action: 300,
  detail: 300,
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
  /** The spreadsheet's time zone (`America/New_York`): due times are shown on its clock, labelled `ET`. */
  timeZone?: string;
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

/** The link to a tab of the spreadsheet, or to one of its cells (`#gid=7&range=P16`) when `cell` is given. */
export function tabLink(spreadsheetUrl: string, sheetId: number, cell?: string | null): string {
  const base = spreadsheetUrl.replace(/#.*$/, "");
  return `${base}#gid=${sheetId}${cell ? `&range=${encodeURIComponent(cell)}` : ""}`;
}

/** `2 new escalations, 1 overdue, 1 reminder, 3 missing values`. */
export function digestHeadline(digest: Digest): string {
  const parts: string[] = [];
  const fresh = digest.items.filter((item) => item.kind === "new").length;
  const reminders = digest.items.length - fresh;
  const overdue = digest.items.filter((item) => item.overdue).length;
  if (fresh > 0) parts.push(countOf(fresh, "new escalation"));
  if (overdue > 0) parts.push(`${overdue} overdue`);
  if (reminders > 0) parts.push(countOf(reminders, "reminder"));
  if (digest.missing.length > 0) parts.push(countOf(digest.missing.length, "missing value"));
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
    since: clipText(item.since, FIELD_LIMITS.period),
    latest: clipText(item.latest, FIELD_LIMITS.period),
    value: clipText(item.value, FIELD_LIMITS.value),
    measure: clipText(item.measure, FIELD_LIMITS.measure),
    gap: clipText(item.gap, FIELD_LIMITS.gap),
    targetNote: clipText(item.targetNote, FIELD_LIMITS.measure),
    detail: clipText(capitalize(item.detail), FIELD_LIMITS.detail),
    condition: clipText(item.condition, FIELD_LIMITS.condition),
    action: clipText(item.action, FIELD_LIMITS.action),
    status: clipText(item.status, FIELD_LIMITS.status),
    cell: item.cell === null ? null : clipText(item.cell, FIELD_LIMITS.cell),
    followUp: item.followUp
      ? { ...item.followUp, label: clipText(capitalize(item.followUp.label), FIELD_LIMITS.name) }
      : null,
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
  return `${countOf(more.length, "more escalation")}${details.length > 0 ? ` (${details.join("; ")})` : ""}`;
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
  const subject = digestSubject(digest, context);
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

/** `due today`, `due tomorrow`, `due Tue Dec 1`, `overdue since Mon Nov 23`: the due day in a few words. */
function dueWords(due: DigestDue | null, overdue: boolean): string {
  if (!due) return overdue ? "overdue" : "";
  const day = formatPeopleDay(due.clock, due.clock.year !== due.thisYear);
  if (overdue) return due.daysFromToday === 0 ? "overdue today" : `overdue since ${day}`;
  if (due.daysFromToday === 0) return "due today";
  if (due.daysFromToday === 1) return "due tomorrow";
  return `due ${day}`;
}

/**
 * The due line of an item: `Due Tue Dec 1, 9:00 AM ET (tomorrow)`, `Overdue: was due Mon Nov 23,
 * 9:00 AM ET`, `Due: not set`; times on the spreadsheet's clock, labelled with its zone.
 */
export function dueLine(item: Pick<DigestItem, "due" | "overdue">, timeZone?: string): string {
  const { due } = item;
  if (!due) return item.overdue ? "Overdue" : "Due: not set";
  const moment = formatPeopleMoment(due.clock, { hasTime: due.hasTime, timeZone, thisYear: due.thisYear });
  if (item.overdue) return `Overdue: was due ${moment}`;
  const when = due.daysFromToday === 0 ? " (today)" : due.daysFromToday === 1 ? " (tomorrow)" : "";
  return `Due ${moment}${when}`;
}

/**
 * The follow-up line of an item that owes one: `Root cause report due Wed Oct 21 (tomorrow)`,
 * `Root cause report overdue: was due Wed Oct 21`; `""` when nothing is owed.
 */
export function followUpLine(item: Pick<DigestItem, "followUp">, timeZone?: string): string {
  const { followUp } = item;
  if (!followUp) return "";
  const { due } = followUp;
  const moment = formatPeopleMoment(due.clock, { hasTime: due.hasTime, timeZone, thisYear: due.thisYear });
  if (followUp.overdue) return `${followUp.label} overdue: was due ${moment}`;
  const when = due.daysFromToday === 0 ? " (today)" : due.daysFromToday === 1 ? " (tomorrow)" : "";
  return `${followUp.label} due ${moment}${when}`;
}

/** The first response's due line, or nothing for a resolved escalation listed for its follow-up alone. */
function responseDueLine(item: DigestItem, timeZone?: string): string {
  return item.due || !item.followUp
    ? dueLine({ due: item.due, overdue: item.responseOverdue }, timeZone)
    : "";
}

/** `Since Apr 2026 · value of Oct 2026`, `Since Oct 2026`. */
function sinceLine(item: DigestItem): string {
  if (item.since === "") return item.latest ? `Value of ${item.latest}` : "";
  return item.latest && item.latest !== item.since
    ? `Since ${item.since} · value of ${item.latest}`
    : `Since ${item.since}`;
}

/** `99.1% — target at least 99.5%, 0.4 points short`. */
function readingLine(item: DigestItem): string {
  return formatValueAgainstRule(item);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `Critical · Overdue · New`. */
function labelLine(item: DigestItem): string {
  return [item.severity ?? "", item.overdue ? "Overdue" : "", item.kind === "new" ? "New" : "Reminder"]
    .filter((part) => part !== "")
    .join(" · ");
}

/** Longest metric and account names the subject quotes, so it stays under Apps Script's 250 characters. */
const SUBJECT_NAME_LIMIT = 80;

/**
 * The subject: the most urgent item first, then how many more, e.g. `Critical: System uptime —
 * Federal Records Agency, due today · 4 more`; a digest of missing data only names its first
 * value (`Missing data: Customer satisfaction — Contoso Logistics, Oct 2026 · 2 more`).
 */
export function digestSubject(digest: Digest, _context?: DigestContext): string {
  const name = (text: string) => clipText(text, SUBJECT_NAME_LIMIT);
  const lead = digest.items[0];
  const missing = digest.missing.length;
  if (lead) {
    // The follow-up leads when it is what is late (or all that is left of a resolved escalation).
    const due =
      !lead.followUp || (lead.due && !(lead.followUp.overdue && !lead.responseOverdue))
        ? dueWords(lead.due, lead.responseOverdue)
        : `${lead.followUp.label.toLowerCase()} ${dueWords(lead.followUp.due, lead.followUp.overdue)}`;
    const head = `${lead.severity ?? "Escalation"}: ${name(lead.metric)} — ${name(lead.account)}${due ? `, ${due}` : ""}`;
    const more = digest.items.length - 1;
    const rest = [
      ...(more > 0 ? [`${more} more`] : []),
      ...(missing > 0 ? [countOf(missing, "missing value")] : []),
    ];
    return rest.length > 0 ? `${head} · ${rest.join(", ")}` : head;
  }
  const first = digest.missing[0];
  if (!first) return "KPI Steward digest";
  const head = `Missing data: ${name(first.metric)} — ${name(first.account)}, ${first.period}`;
  return missing > 1 ? `${head} · ${missing - 1} more` : head;
}

/** What to do about a value measured from the Incidents tab that is missing: nothing was logged there by then. */
const FROM_INCIDENTS_HINT =
  " (measured from the Incidents tab, which has no incident logged by then: type the value, or log incidents)";

function missingText(item: DigestMissingItem): string {
  const window = item.months > 1 ? ` (or the ${item.months} months before)` : "";
  const where = item.cell ? `, cell ${item.cell}` : ", no column for that month yet";
  const hint = item.fromIncidents ? FROM_INCIDENTS_HINT : "";
  return `${item.metric}: no value for ${item.period}${window}${hint}${where}`;
}

/** Missing values grouped by account tab, in order of first appearance. */
function byAccount(items: readonly DigestMissingItem[]): DigestMissingItem[][] {
  const groups = new Map<string, DigestMissingItem[]>();
  for (const item of items) {
    const group = groups.get(item.account) ?? [];
    group.push(item);
    groups.set(item.account, group);
  }
  return [...groups.values()];
}

/** `on Acme, Beta and 2 more tabs` for missing values not listed. */
function moreMissingPlaces(
  more: readonly DigestMissingItem[],
  name: (account: string, sheetId: number) => string,
): string {
  const accounts = accountsOf(more);
  const named = accounts.slice(0, NAMED_ACCOUNTS).map(([account, sheetId]) => name(account, sheetId));
  const rest = accounts.length - named.length;
  if (rest > 0) return `on ${named.join(", ")} and ${countOf(rest, "more tab")}`;
  if (named.length === 1) return `on ${named[0]}`;
  return `on ${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
}

const CLOSING =
  "Acknowledge, snooze or resolve each escalation in the Escalation Log or the KPI Steward sidebar.";

function plainText(listed: Listing, context: DigestContext, headline: string): string {
  const lines: string[] = [`KPI Steward digest for ${listed.spreadsheetName}: ${headline}.`, ""];
  listed.items.forEach((item, index) => {
    const indent = " ".repeat(`${index + 1}. `.length);
    lines.push(`${index + 1}. ${labelLine(item).toUpperCase()}`);
    lines.push(`${indent}${item.metric} — ${item.account}`);
    lines.push(`${indent}${readingLine(item)}`);
    if (item.detail) lines.push(`${indent}${item.detail}`);
    const since = sinceLine(item);
    if (since) lines.push(`${indent}${since}`);
    if (item.action) lines.push(`${indent}Action: ${item.action}`);
    const due = responseDueLine(item, context.timeZone);
    if (due) lines.push(`${indent}${due}`);
    const followUp = followUpLine(item, context.timeZone);
    if (followUp) lines.push(`${indent}${followUp}`);
    lines.push(
      `${indent}${item.id} · ${item.status} · ${tabLink(context.spreadsheetUrl, item.sheetId, item.cell)}`,
    );
    lines.push("");
  });
  if (listed.moreItems.length > 0)
    lines.push(
      `… and ${moreEscalationsText(listed.moreItems)} not listed here: ` +
        `see them all in the Escalation Log: ${listed.logUrl}`,
      "",
    );
  if (listed.missing.length > 0 || listed.moreMissing.length > 0) {
    lines.push("Missing data (enter the value or explain the gap):");
    for (const group of byAccount(listed.missing)) {
      lines.push(`${group[0].account}:`);
      for (const item of group)
        lines.push(`- ${missingText(item)}: ${tabLink(context.spreadsheetUrl, item.sheetId, item.cell)}`);
    }
    if (listed.moreMissing.length > 0)
      lines.push(
        `… and ${countOf(listed.moreMissing.length, "more missing value")} not listed here, ` +
          `${moreMissingPlaces(listed.moreMissing, (account) => account)}`,
      );
    lines.push("");
  }
  lines.push(CLOSING);
  return lines.join("\n");
}

/** Long words and links wrap instead of widening the page on a phone. */
const WRAP = "overflow-wrap:anywhere;word-wrap:break-word;word-break:break-word;";
const MUTED = "color:#5f6368;font-size:13px;";
/** A card's left edge by severity: darker than the cell colours, so a Watch card's edge shows on white. */
const SEVERITY_EDGES: Readonly<Record<Severity, string>> = {
  Watch: "#f1c232",
  Warning: "#e69138",
  Critical: "#cc0000",
};
const OVERDUE_RED = "#b00020";

function card(item: DigestItem, context: DigestContext): string {
  const e = escapeHtml;
  const color = item.severity ? SEVERITY_COLORS[item.severity] : "#dadce0";
  const edge = item.severity ? SEVERITY_EDGES[item.severity] : "#dadce0";
  const href = e(tabLink(context.spreadsheetUrl, item.sheetId, item.cell));
  const badge = item.severity
    ? `<span style="background:${color};color:#202124;padding:1px 6px;border-radius:3px;">${e(item.severity)}</span>`
    : "";
  const flags = [
    ...(item.overdue ? [`<span style="color:${OVERDUE_RED};">Overdue</span>`] : []),
    item.kind === "new" ? "New" : "Reminder",
  ];
  const since = sinceLine(item);
  const due = responseDueLine(item, context.timeZone);
  const dueHtml = due
    ? item.responseOverdue
      ? `<b style="color:${OVERDUE_RED};">${e(due)}</b>`
      : `<b>${e(due)}</b>`
    : "";
  const followUp = followUpLine(item, context.timeZone);
  const followUpHtml = followUp
    ? item.followUp?.overdue
      ? `<b style="color:${OVERDUE_RED};">${e(followUp)}</b>`
      : `<b>${e(followUp)}</b>`
    : "";
  const cellText = item.cell ? `Open cell ${e(item.cell)}` : "Open the tab";
  return [
    `<div style="border:1px solid #dadce0;border-left:6px solid ${edge};border-radius:6px;padding:10px 12px;margin:0 0 12px 0;${WRAP}">`,
    `<div style="font-size:12px;font-weight:bold;text-transform:uppercase;letter-spacing:0.3px;">${[badge, ...flags].filter((part) => part !== "").join(" · ")}</div>`,
    `<div style="font-size:16px;font-weight:bold;margin:6px 0 4px 0;"><a href="${href}" style="color:#1a73e8;text-decoration:none;">${e(item.metric)} — ${e(item.account)}</a></div>`,
    `<div>${e(item.value)} — ${e(item.measure)}${item.gap ? `, <b>${e(item.gap)}</b>` : ""}</div>`,
    ...(item.targetNote ? [`<div style="${MUTED}">${e(capitalize(item.targetNote))}</div>`] : []),
    ...(item.detail ? [`<div style="${MUTED}">${e(item.detail)}</div>`] : []),
    ...(since ? [`<div style="${MUTED}">${e(since)}</div>`] : []),
    ...(item.action ? [`<div style="margin-top:6px;"><b>Action:</b> ${e(item.action)}</div>`] : []),
    ...(dueHtml ? [`<div style="margin-top:6px;">${dueHtml}</div>`] : []),
    ...(followUpHtml ? [`<div style="margin-top:${dueHtml ? 2 : 6}px;">${followUpHtml}</div>`] : []),
    `<div style="${MUTED}margin-top:6px;">${e(item.id)} · ${e(item.status)} · <a href="${href}" style="color:#1a73e8;">${cellText}</a></div>`,
    "</div>",
  ].join("");
}

function html(listed: Listing, context: DigestContext, headline: string): string {
  const e = escapeHtml;
  const link = (item: DigestMissingItem, text: string) =>
    `<a href="${e(tabLink(context.spreadsheetUrl, item.sheetId, item.cell))}" style="color:#1a73e8;">${text}</a>`;
  const parts: string[] = [
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.4;color:#202124;max-width:640px;${WRAP}">`,
    `<p style="margin:0 0 12px 0;">KPI Steward digest for <b>${e(listed.spreadsheetName)}</b>: ${e(headline)}.</p>`,
  ];
  for (const item of listed.items) parts.push(card(item, context));
  if (listed.moreItems.length > 0)
    parts.push(
      `<p>… and <b>${e(moreEscalationsText(listed.moreItems))}</b> not listed here: ` +
        `<a href="${e(listed.logUrl)}">see them all in the Escalation Log</a>.</p>`,
    );
  if (listed.missing.length > 0 || listed.moreMissing.length > 0) {
    parts.push(
      `<div style="border:1px solid #dadce0;border-radius:6px;padding:10px 12px;margin:0 0 12px 0;${WRAP}">`,
      '<div style="font-size:12px;font-weight:bold;text-transform:uppercase;letter-spacing:0.3px;">Missing data</div>',
      `<div style="${MUTED}">Enter the value or explain the gap.</div>`,
    );
    for (const group of byAccount(listed.missing)) {
      parts.push(
        `<div style="font-weight:bold;margin-top:8px;">${e(group[0].account)}</div><ul style="margin:4px 0 0 0;padding-left:20px;">`,
      );
      for (const item of group) {
        const window = item.months > 1 ? ` (or the ${item.months} months before)` : "";
        const where = item.cell
          ? link(item, `cell ${e(item.cell)}`)
          : link(item, "no column for that month yet");
        const hint = item.fromIncidents ? FROM_INCIDENTS_HINT : "";
        parts.push(
          `<li>${e(item.metric)}: no value for ${e(item.period)}${e(window)}${e(hint)}, ${where}</li>`,
        );
      }
      parts.push("</ul>");
    }
    if (listed.moreMissing.length > 0)
      parts.push(
        `<p>… and ${countOf(listed.moreMissing.length, "more missing value")} not listed here, ` +
          `${moreMissingPlaces(listed.moreMissing, (account, sheetId) => `<a href="${e(tabLink(context.spreadsheetUrl, sheetId))}">${e(account)}</a>`)}</p>`,
      );
    parts.push("</div>");
  }
  parts.push(`<p style="${MUTED}">${e(CLOSING)}</p></div>`);
  return parts.join("\n");
}
