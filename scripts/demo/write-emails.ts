// Writes each email of the emulated outbox as out/emails/NN-<owner>.html and .txt, headers first.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SentEmail } from "../../emulation/index";
import { zonedParts, zoneOffsetMillis } from "../../emulation/time-zone";
import { formatPeopleMoment } from "../../src/domain/calendar/people-date";

/** `Mon Nov 23, 2026, 9:00 AM ET`: when the email was sent, on the spreadsheet's clock, as the digest writes times. */
function sentAt(date: Date, timeZone: string): string {
  const p = zonedParts(date.getTime(), timeZone);
  const clock = {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
  };
  return formatPeopleMoment(clock, { hasTime: true, timeZone, withYear: true });
}

/** `2026-11-23T09:00:00-05:00`: an instant in ISO 8601 on a time zone's clock, with its offset (for out/summary.json). */
export function isoOnClock(date: Date, timeZone: string): string {
  const p = zonedParts(date.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  const offset = Math.round(zoneOffsetMillis(date.getTime(), timeZone) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${zone}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The file name stem of the n-th email (1-based): `01-dana.reyes`. */
export function emailStem(index: number, email: SentEmail): string {
  const owner = (email.to.split(",")[0] ?? "").trim().split("@")[0] || "unknown";
  return `${String(index).padStart(2, "0")}-${owner.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}

/** Writes every email, its send time on `timeZone`'s clock; returns the paths written (html and txt of each). */
export function writeEmails(emails: readonly SentEmail[], folder: string, timeZone = "Etc/UTC"): string[] {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  emails.forEach((email, index) => {
    const stem = emailStem(index + 1, email);
    const headers: [string, string][] = [
      ["From", email.name ?? ""],
      ["To", email.to],
      ["Subject", email.subject],
      ["Sent", sentAt(email.sentAt, timeZone)],
    ];
    const headerHtml = headers
      .map(([key, value]) => `<div><b>${key}:</b> ${escapeHtml(value)}</div>`)
      .join("");
    const body = email.htmlBody ?? `<pre>${escapeHtml(email.body)}</pre>`;
    const html =
      `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(email.subject)}</title></head>\n` +
      `<body style="margin:0;background:#f3f3f3">\n` +
      `<div style="font:13px/1.5 Arial,sans-serif;color:#555;background:#fff;padding:10px 16px;border-bottom:1px solid #ddd">${headerHtml}</div>\n` +
      `<div style="background:#fff;margin:12px;padding:12px">${body}</div>\n</body></html>\n`;
    const text = `${headers.map(([key, value]) => `${key}: ${value}`).join("\n")}\n\n${email.body}\n`;
    const htmlPath = join(folder, `${stem}.html`);
    const textPath = join(folder, `${stem}.txt`);
    writeFileSync(htmlPath, html);
    writeFileSync(textPath, text);
    written.push(htmlPath, textPath);
  });
  return written;
}
