// Writes one owner's digest as an email: subject, plain text and an inline-styled HTML table, every value escaped.

import type { Digest, DigestItem, DigestMissingItem } from "./digest-plan";
import { SEVERITY_COLORS } from "./severity-colors";

/** Where the digest points and who it is from. */
export interface DigestContext {
  spreadsheetName: string;
  /** `Spreadsheet.getUrl()`; a tab link is `${url}#gid=${sheetId}`. */
  spreadsheetUrl: string;
  senderName: string;
}

/** A rendered digest, ready for `MailApp.sendEmail`. */
export interface RenderedDigest {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
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

function itemLabel(item: DigestItem): string {
  return `${item.overdue ? "OVERDUE " : ""}${item.kind === "new" ? "NEW" : "REMINDER"}`;
}

function missingText(item: DigestMissingItem): string {
  const window = item.months > 1 ? ` (or the ${item.months} months before)` : "";
  const where = item.cell ? ` — cell ${item.cell}` : " — no column for that month yet";
  return `${item.account}: ${item.metric} has no value for ${item.period}${window}${where}`;
}

/** Renders a digest. The subject stays under Apps Script's 250 characters. */
export function renderDigest(digest: Digest, context: DigestContext): RenderedDigest {
  const headline = digestHeadline(digest);
  let name = context.spreadsheetName;
  const room = 240 - `KPI Steward: ${headline} — `.length;
  if (name.length > room) name = `${name.slice(0, Math.max(0, room - 1))}…`;
  const subject = `KPI Steward: ${headline} — ${name}`;
  return {
    to: digest.to,
    subject,
    body: plainText(digest, context, headline),
    htmlBody: html(digest, context, headline),
    name: context.senderName || "KPI Steward",
  };
}

function plainText(digest: Digest, context: DigestContext, headline: string): string {
  const lines: string[] = [`KPI Steward digest for ${context.spreadsheetName}: ${headline}.`, ""];
  const accounts = new Map<string, { tabName: string; sheetId: number }>();
  if (digest.items.length > 0) {
    lines.push("Escalations:");
    for (const item of digest.items) {
      accounts.set(item.account, item);
      lines.push(
        `- [${itemLabel(item)}] ${item.id} ${item.severity ?? ""} · ${item.account} · ${item.metric} ` +
          `${item.period}: ${item.value} (${item.condition})`,
      );
      if (item.action) lines.push(`  Action: ${item.action}`);
      lines.push(`  Due: ${item.due || "not set"} · Status: ${item.status}`);
    }
    lines.push("");
  }
  if (digest.missing.length > 0) {
    lines.push("Missing data (enter the value or explain the gap):");
    for (const item of digest.missing) {
      accounts.set(item.account, item);
      lines.push(`- ${missingText(item)}`);
    }
    lines.push("");
  }
  lines.push("Open the account tabs:");
  for (const [account, where] of accounts)
    lines.push(`- ${account}: ${tabLink(context.spreadsheetUrl, where.sheetId)}`);
  lines.push(
    "",
    "Acknowledge, snooze or resolve each escalation in the Escalation Log or the KPI Steward sidebar.",
  );
  return lines.join("\n");
}

const CELL = "padding:4px 8px;border:1px solid #d0d0d0;text-align:left;vertical-align:top;";

function html(digest: Digest, context: DigestContext, headline: string): string {
  const e = escapeHtml;
  const link = (sheetId: number, text: string) =>
    `<a href="${e(tabLink(context.spreadsheetUrl, sheetId))}">${e(text)}</a>`;
  const parts: string[] = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;">',
    `<p>KPI Steward digest for <b>${e(context.spreadsheetName)}</b>: ${e(headline)}.</p>`,
  ];
  if (digest.items.length > 0) {
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
    for (const item of digest.items) {
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
  if (digest.missing.length > 0) {
    parts.push("<p><b>Missing data</b> (enter the value or explain the gap):</p><ul>");
    for (const item of digest.missing) {
      const window = item.months > 1 ? ` (or the ${item.months} months before)` : "";
      const where = item.cell ? ` — cell ${e(item.cell)}` : " — no column for that month yet";
      parts.push(
        `<li>${link(item.sheetId, item.account)}: ${e(item.metric)} has no value for ${e(item.period)}${e(window)}${where}</li>`,
      );
    }
    parts.push("</ul>");
  }
  parts.push(
    '<p style="color:#5f6368;font-size:12px;">Acknowledge, snooze or resolve each escalation in the Escalation Log ' +
      "or the KPI Steward sidebar.</p></div>",
  );
  return parts.join("\n");
}
