// Prints what a preview scan would do as a person reads it: each escalation in full, missing data per account, one table of numbers and a last line that repeats them.
import { countOf } from "../../src/domain/plural";
import type { ScanSummary } from "../../src/domain/scan/scan-summary";
import { textTable } from "../demo/text-table";

/** The summary previewScan returns, as plain JSON. */
export type PreviewSummary = ScanSummary;

type MissingItem = ScanSummary["missingData"][number];

/** How many named blank cells an account's line lists before counting the rest. */
const NAMED_BLANKS = 5;

/**
 * One line per account: `Contoso Logistics: 15 metrics have no Nov 2026 column yet; Customer
 * satisfaction has no value for Oct 2026 (cell P16)`. Months without a column are counted, blank
 * cells of earlier months named.
 */
export function missingDataLines(items: readonly MissingItem[]): string[] {
  const byAccount = new Map<string, MissingItem[]>();
  for (const item of items) {
    const key = item.account || item.tab;
    byAccount.set(key, [...(byAccount.get(key) ?? []), item]);
  }
  return [...byAccount].map(([account, list]) => {
    const parts: string[] = [];
    const noColumn = new Map<string, number>();
    for (const item of list)
      if (item.cell === null) noColumn.set(item.period, (noColumn.get(item.period) ?? 0) + 1);
    for (const [period, count] of noColumn)
      parts.push(`${countOf(count, "metric")} ${count === 1 ? "has" : "have"} no ${period} column yet`);
    const blanks = list.filter((item) => item.cell !== null);
    for (const item of blanks.slice(0, NAMED_BLANKS))
      parts.push(`${item.metric} has no value for ${item.period} (cell ${item.cell})`);
    if (blanks.length > NAMED_BLANKS)
      parts.push(`${countOf(blanks.length - NAMED_BLANKS, "more blank cell")}`);
    return `${account}: ${parts.join("; ")}`;
  });
}

/** The numbers of the preview, each once: the table prints them and the last line repeats the main ones. */
export function previewNumbers(summary: PreviewSummary): [string, number][] {
  const accounts = new Set(summary.missingData.map((item) => item.account || item.tab));
  return [
    ["Accounts scanned", summary.accountsScanned],
    ["Tabs not scanned", summary.skipped.length],
    ["Breaches found", summary.breaches],
    ["Escalations it would open", summary.newEscalations],
    ["Escalations it would continue", summary.updatedEscalations],
    ["Escalations it would resolve", summary.resolved],
    ["Snoozes that end", summary.snoozesEnded],
    ["Reminders", summary.reminders],
    ["Overdue", summary.overdue],
    ["Cells it would highlight", summary.highlighted],
    ["Grid values it would fill from Incidents", summary.measuredValues],
    ["Missing values", summary.missingData.length],
    ["Accounts with missing values", accounts.size],
    ["Emails it would send", summary.emailsSent],
    ["Emails queued for a later run", summary.emailsQueued],
  ];
}

/** `Would open 1 escalation, continue 11, resolve 0 and send 5 emails; 60 missing values on 4 accounts.` */
export function previewLastLine(summary: PreviewSummary): string {
  const numbers = new Map(previewNumbers(summary));
  const n = (key: string) => numbers.get(key) ?? 0;
  const queued = n("Emails queued for a later run");
  return (
    `Would open ${countOf(n("Escalations it would open"), "escalation")}, continue ${n("Escalations it would continue")}, ` +
    `resolve ${n("Escalations it would resolve")} and send ${countOf(n("Emails it would send"), "email")}` +
    `${queued > 0 ? ` (${queued} more queued)` : ""}; ` +
    `${countOf(n("Missing values"), "missing value")} on ${countOf(n("Accounts with missing values"), "account")}.`
  );
}

/** `Nothing was changed or sent (79 service calls: 53 reads, 0 writes).` */
export function callsText(calls: { total: number; reads: number; writes: number }, mailed: number): string {
  const sent =
    mailed === 0 ? "Nothing was changed or sent" : `${countOf(mailed, "email")} reached the outbox`;
  return `${sent} (${countOf(calls.total, "service call")}: ${calls.reads} reads, ${calls.writes} writes).`;
}

function section(
  log: (line: string) => void,
  title: string,
  count: number,
  body: string[],
  counted = true,
): void {
  if (count === 0) return;
  log("");
  log(counted ? `${title} (${count})` : title);
  for (const line of body) log(line);
}

function indented(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/** Keys printed by name; any other non-empty list of the summary is printed after them as it comes. */
const PRINTED = new Set([
  "escalations",
  "missingData",
  "skipped",
  "valueProblems",
  "ruleProblems",
  "problems",
  "emails",
  "emailsSkipped",
  "emailsFailed",
  "escalationsWithoutTab",
  "uncertainDeliveries",
]);

/** Prints the preview: what it would open or continue, what is missing, what was not read, whom it would email, then the numbers. */
export function printPreview(summary: PreviewSummary, log: (line: string) => void): void {
  if (summary.outcome !== "complete") log(`Outcome: ${summary.outcome}. ${summary.error ?? ""}`.trim());
  const escalations = summary.escalations ?? [];
  section(log, "Escalations it would open or continue", escalations.length, [
    textTable(
      ["ID", "Would", "Account", "Metric", "Value against its rule", "Severity", "Due"],
      escalations.map((item) => [
        item.id,
        item.action === "open" ? "open" : "continue",
        item.account,
        item.metric,
        item.value,
        item.severity,
        item.due,
      ]),
    ),
  ]);
  const missing = missingDataLines(summary.missingData);
  section(
    log,
    `Missing data: ${countOf(summary.missingData.length, "value")} on ${countOf(missing.length, "account")}`,
    missing.length,
    indented(missing),
    false,
  );
  section(
    log,
    "Tabs not scanned",
    summary.skipped.length,
    indented(summary.skipped.map((tab) => `${tab.tab}: ${tab.reason}`)),
  );
  section(
    log,
    "Values a rule could not read",
    summary.valueProblems.length,
    indented(summary.valueProblems.map((problem) => `${problem.tab}!${problem.cell}: ${problem.problem}`)),
  );
  section(log, "Rule problems", summary.ruleProblems.length, indented(summary.ruleProblems));
  section(log, "Other problems", summary.problems.length, indented(summary.problems));
  section(log, "Emails it would send", summary.emails.length, [
    textTable(
      ["To", "Subject", "Escalations", "Missing values"],
      summary.emails.map((email) => [
        email.to,
        email.subject,
        email.escalations.join(", "),
        String(email.missingData),
      ]),
    ),
  ]);
  section(
    log,
    "Owners it would not email",
    summary.emailsSkipped.length,
    indented(summary.emailsSkipped.map((item) => `${item.tab}: ${item.reason}`)),
  );
  section(
    log,
    "Emails MailApp would refuse",
    summary.emailsFailed.length,
    indented(summary.emailsFailed.map((item) => `${item.to}: ${item.reason}`)),
  );
  section(
    log,
    "Open escalations whose tab was not found",
    summary.escalationsWithoutTab.length,
    indented(summary.escalationsWithoutTab.map((item) => `${item.id} (${item.account})`)),
  );
  for (const [key, value] of Object.entries(summary))
    if (!PRINTED.has(key) && Array.isArray(value) && value.length > 0)
      section(
        log,
        key,
        value.length,
        indented(value.map((item) => (typeof item === "string" ? item : JSON.stringify(item)))),
      );
  log("");
  log("Numbers");
  log(
    textTable(
      ["", ""],
      previewNumbers(summary).map(([label, value]) => [label, String(value)]),
    )
      .split("\n")
      .slice(2)
      .join("\n"),
  );
}
