// The run summary that runScan/previewScan return and the scan records: its shape, one-line text and a compact copy.
import { countOf } from "../plural";
import type { PreviewEscalation } from "./preview-escalations";

/** A tab the scan did not process, and why (the message names the cell and what was expected). */
export interface SkippedTab {
  tab: string;
  reason: string;
}

/** One email of the run (sent, or in a preview, that would be sent). */
export interface SummaryEmail {
  to: string;
  subject: string;
  /** Escalation IDs covered (new rows of a preview have the IDs they would get). */
  escalations: string[];
  /** Missing values covered. */
  missingData: number;
}

/**
 * A digest MailApp refused for a reason that will repeat (an address it rejects, a body too large):
 * not sent and not queued. Its escalations keep an empty `Last notified`, so the next run plans it
 * again (to the corrected address, once the Owner email is fixed).
 */
export interface FailedEmail {
  /** The address the digest was for. */
  to: string;
  /** Account tabs whose owner this is (where `Owner email` is set). */
  tabs: string[];
  /** Escalation IDs the digest covered. */
  escalations: string[];
  /** Missing values the digest covered. */
  missingData: number;
  /** Why, and what fixes it, e.g. `MailApp rejects the address as invalid (Invalid email: …); correct "Owner email" on Acme`. */
  reason: string;
}

/**
 * What a scan did (or, for a preview, would do). The first six keys are SPEC §7's; the rest say
 * more. Plain JSON: it crosses `google.script.run` and is stored in Document Properties.
 */
export interface ScanSummary {
  accountsScanned: number;
  /** Breaching (account, metric, rule) found in the tabs scanned. */
  breaches: number;
  newEscalations: number;
  emailsSent: number;
  /** Digests that could not go out in this run (quota, a mail failure that may pass, time) and wait for the next one. */
  emailsQueued: number;
  skipped: SkippedTab[];
  /** `run` for runScan/scheduledScan, `preview` for previewScan (nothing changed or sent). */
  mode: "run" | "preview";
  /**
   * `complete`: every account tab is covered; `partial`: the time budget ran out, the next run goes
   * on from the next tab; `locked`: another command (named in `lockHolder`) kept the document lock,
   * nothing was done; `no-lock`: Apps Script gave the run no document lock, nothing was done;
   * `needs-authorization`: the daily trigger found the add-on needs the user's authorization again
   * (an update asks for a new scope), nothing was done; `blocked`: the Escalation Log cannot be read,
   * nothing was done; `failed`: an error stopped the run.
   */
  outcome: "complete" | "partial" | "locked" | "no-lock" | "needs-authorization" | "blocked" | "failed";
  /** With `locked`: the command that held the lock, e.g. "a scan (started 2 min ago)". */
  lockHolder?: string;
  /** With `needs-authorization`: the page where the user authorizes the add-on again. */
  authorizationUrl?: string;
  /** The one-line summary recorded on the Escalation Log and in the execution log. */
  message: string;
  /** ISO instant the run started. */
  startedAt: string;
  durationMs: number;
  /** Open rows of continuing breaches updated (Value, Last seen). */
  updatedEscalations: number;
  /** Rows resolved because the breach cleared (or its rule was removed). */
  resolved: number;
  /** Snoozes whose date came: back to Open. */
  snoozesEnded: number;
  /** Escalations in this run's digests that were mailed before. */
  reminders: number;
  /** Escalations in this run's digests that are past due. */
  overdue: number;
  /** Cells painted or repainted, and cells given back their colour. */
  highlighted: number;
  highlightsCleared: number;
  /** Account-grid cells filled (or updated) from the Incidents tab: uptime and time to remediate per month. */
  measuredValues: number;
  /** Stale inputs: metrics with no value for the month that ended. */
  missingData: { tab: string; account: string; metric: string; period: string; cell: string | null }[];
  /** Values a rule could not read (not breaches), e.g. `"abc"` under `below 40%`. */
  valueProblems: { tab: string; cell: string; problem: string }[];
  /** Rules not applied (condition unreadable, missing target) or applied with a default. */
  ruleProblems: string[];
  /** Other things worth a look: Settings, KPI Catalog, Escalation Log cells, account tab warnings. */
  problems: string[];
  /** Owners who got no email (outside Allowed email domains). */
  emailsSkipped: { tab: string; owner: string; reason: string }[];
  /** Digests MailApp refused for a reason that will repeat: not sent, not queued, the others went on. */
  emailsFailed: FailedEmail[];
  /** Unresolved escalations whose account tab was not found (deleted, renamed or unreadable); left as they are. */
  escalationsWithoutTab: { id: string; account: string }[];
  /** Whether this run continued a pass that an earlier run started, and how many tabs are left. */
  pass: { resumed: boolean; complete: boolean; tabsRemaining: number };
  /** Digests whose sending an earlier run did not finish: counted as sent (never twice), delivery unknown. */
  uncertainDeliveries: { to: string; escalations: string[] }[];
  /** Emails sent (a preview: emails it would send). */
  emails: SummaryEmail[];
  /** A preview only: each escalation it would open or continue, said in full. */
  escalations?: PreviewEscalation[];
  /** Set when the run failed: the error message. */
  error?: string;
}

/** An empty summary to fill in. */
export function emptySummary(mode: ScanSummary["mode"], startedAt: Date): ScanSummary {
  return {
    accountsScanned: 0,
    breaches: 0,
    newEscalations: 0,
    emailsSent: 0,
    emailsQueued: 0,
    skipped: [],
    mode,
    outcome: "complete",
    message: "",
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    updatedEscalations: 0,
    resolved: 0,
    snoozesEnded: 0,
    reminders: 0,
    overdue: 0,
    highlighted: 0,
    highlightsCleared: 0,
    measuredValues: 0,
    missingData: [],
    valueProblems: [],
    ruleProblems: [],
    problems: [],
    emailsSkipped: [],
    emailsFailed: [],
    escalationsWithoutTab: [],
    pass: { resumed: false, complete: true, tabsRemaining: 0 },
    uncertainDeliveries: [],
    emails: [],
  };
}

const count = countOf;

/** Failed emails the one-line summary names; the rest are counted. */
const NAMED_FAILURES = 3;

/** `1 email not sent (x@agency.gov: MailApp rejects the address as invalid …)`. */
function failedText(failed: readonly FailedEmail[]): string {
  const named = failed.slice(0, NAMED_FAILURES).map((item) => `${item.to}: ${item.reason}`);
  if (failed.length > NAMED_FAILURES) named.push(`and ${failed.length - NAMED_FAILURES} more`);
  return `${count(failed.length, "email")} not sent (${named.join("; ")})`;
}

/**
 * The one-line summary: `Scan 2026-03-04 07:00: 12 accounts scanned, 5 breaches (2 new, 1 resolved),
 * 3 emails sent, 1 queued, 1 tab skipped (Foo: row 2: …), 4 missing values`.
 */
export function summaryLine(summary: ScanSummary, when: string): string {
  const label = summary.mode === "preview" ? "Preview" : "Scan";
  if (summary.outcome === "locked")
    return `${label} ${when}: ${summary.lockHolder ?? "another KPI Steward command"} is still running in this spreadsheet; this one changed nothing`;
  if (summary.outcome === "no-lock")
    return (
      `${label} ${when}: not run: Apps Script gave this run no document lock, so it could not make sure ` +
      "no other KPI Steward command writes at the same time; nothing was changed. Run Scan now from the " +
      "spreadsheet's Extensions › KPI Steward menu"
    );
  if (summary.outcome === "needs-authorization")
    return (
      `${label} ${when}: not run: KPI Steward needs your authorization again (an update asks for a new ` +
      "permission); open the spreadsheet and choose Extensions › KPI Steward › Scan now to authorize it" +
      `${summary.authorizationUrl ? ` (or visit ${summary.authorizationUrl})` : ""}; the daily scan resumes after that`
    );
  if (summary.outcome === "blocked")
    return `${label} ${when}: nothing done: ${summary.problems[0] ?? "the Escalation Log cannot be read"}`;
  if (summary.outcome === "failed") return `${label} ${when}: failed: ${summary.error ?? "unknown error"}`;
  const verb = summary.mode === "preview" ? "would be " : "";
  const parts = [
    `${count(summary.accountsScanned, "account")} scanned`,
    `${count(summary.breaches, "breach", "breaches")} (${summary.newEscalations} new, ${summary.resolved} resolved)`,
    `${count(summary.emailsSent, "email")} ${verb}sent`,
  ];
  if (summary.emailsQueued > 0) parts.push(`${summary.emailsQueued} queued for the next run`);
  if (summary.emailsFailed.length > 0) parts.push(failedText(summary.emailsFailed));
  if (summary.skipped.length > 0)
    parts.push(
      `${count(summary.skipped.length, "tab")} skipped (${summary.skipped.map((s) => `${s.tab}: ${s.reason}`).join("; ")})`,
    );
  if (summary.missingData.length > 0) parts.push(count(summary.missingData.length, "missing value"));
  if (summary.ruleProblems.length > 0) parts.push(count(summary.ruleProblems.length, "rule problem"));
  if (summary.emailsSkipped.length > 0)
    parts.push(`${summary.emailsSkipped.length} owner email(s) not allowed`);
  if (summary.outcome === "partial")
    parts.push(
      `stopped at the time budget; ${count(summary.pass.tabsRemaining, "tab")} left for the next run`,
    );
  return `${label} ${when}: ${parts.join(", ")}`;
}

/**
 * A copy small enough for one property value (about `maxChars` of JSON): long lists are cut, and
 * what was cut is counted in `problems`.
 */
export function compactSummary(summary: ScanSummary, maxChars = 8000): ScanSummary {
  const copy: ScanSummary = JSON.parse(JSON.stringify(summary));
  const lists: (keyof ScanSummary)[] = [
    "emails",
    "valueProblems",
    "missingData",
    "problems",
    "emailsSkipped",
    "emailsFailed",
    "escalationsWithoutTab",
    "ruleProblems",
    "uncertainDeliveries",
    "skipped",
  ];
  const cut: string[] = [];
  for (
    let limit = 20;
    JSON.stringify(copy).length > maxChars && limit >= 0;
    limit = limit > 0 ? Math.floor(limit / 2) : -1
  ) {
    for (const key of lists) {
      const list = copy[key] as unknown[];
      if (list.length > limit) {
        cut.push(`${key} ${list.length} → ${limit}`);
        list.length = limit;
      }
    }
    if (copy.message.length > 1000) copy.message = `${copy.message.slice(0, 999)}…`;
  }
  if (cut.length > 0) copy.problems.push(`(lists shortened to fit: ${cut.join(", ")})`);
  return copy;
}
