// Builds a run's summary once, from what the phases of the scan returned, or for a run that did not start (pure).
import { formatMonth } from "../workbook/date-text";
import type { Digest, SkippedEmail } from "./digest-plan";
import type { AccountEvaluation } from "./evaluate-account";
import type { MailFailure } from "./mail-failure";
import { describeFailedDigest } from "./mail-failure";
import type { JournalEntry } from "./mail-journal";
import type { PreviewEscalation } from "./preview-escalations";
import type { ScanSummary, SkippedTab, SummaryEmail } from "./scan-summary";
import { emptySummary, summaryLine } from "./scan-summary";

/** An account tab evaluated in this run: its name, the warnings its reading gave, its evaluation. */
export interface ScannedTab {
  tabName: string;
  warnings: readonly string[];
  evaluation: AccountEvaluation;
}

/** What sending did (a preview: what it would do). */
export interface MailFacts {
  /** Digests sent (a preview: those the quota allows), with their subject. */
  sent: readonly { digest: Digest; rendered: { subject: string } }[];
  /** How many digests wait for the next run. */
  queued: number;
  /** Digests MailApp refused for a reason that will repeat. */
  failed: readonly { digest: Digest; failure: MailFailure; message: string }[];
  /** Why sending stopped early, when it did. */
  stoppedBecause?: string;
}

/**
 * What the phases of one run returned, each present once its phase has run: a run that was blocked,
 * or stopped by an error, has only the phases before.
 */
export interface ScanFacts {
  mode: ScanSummary["mode"];
  startedAt: Date;
  /** read: problems of the KPI Steward tabs; `blocking` when the Escalation Log cannot be read (nothing else runs). */
  read?: {
    problems: readonly string[];
    ruleProblems: readonly string[];
    blocking: string | null;
    /** True when the run goes on with a pass an earlier run started. */
    resumed: boolean;
    /** Digests an earlier run did not finish sending (journal entries still `sending`). */
    uncertain: readonly JournalEntry[];
  };
  /** read (account tabs): tabs skipped in tab order, and where the pass got to. */
  accounts?: { skipped: readonly SkippedTab[]; complete: boolean; tabsRemaining: number };
  /** evaluate: problems compiling the rules, then each account tab read with its evaluation. */
  evaluated?: { ruleProblems: readonly string[]; tabs: readonly ScannedTab[] };
  /** plan */
  plan?: {
    log: { newEscalations: number; continuing: number; resolved: number; snoozesEnded: number };
    digests: {
      skipped: readonly SkippedEmail[];
      overdue: number;
      reminders: number;
      routingProblems?: readonly string[];
    };
    escalationsWithoutTab: readonly { id: string; account: string }[];
    /** A preview: the escalations it would open or continue. */
    escalations?: readonly PreviewEscalation[];
  };
  /** paint: cells painted and cells given back their colour. */
  painted?: { painted: number; cleared: number };
  /** Grid cells filled from the Incidents tab (to be filled, in a preview). */
  measuredCells?: number;
  /** notify */
  mail?: MailFacts;
  /** record: problems at the end of the pass (a Portfolio that could not be refreshed). */
  recorded?: { problems: readonly string[] };
  /** The error that stopped the run. */
  error?: string;
}

/** How the summary's one line is stamped, and how long the run took. */
export interface SummaryTiming {
  /** `2026-03-04 07:00` on the spreadsheet's clock. */
  when: string;
  durationMs: number;
}

/** One email of the summary: to, subject, the escalation IDs and the number of missing values it covers. */
export function summaryEmail(
  digest: { to: string; items: readonly { id: string }[]; missing: readonly unknown[] },
  subject: string,
): SummaryEmail {
  return {
    to: digest.to,
    subject,
    escalations: digest.items.map((item) => item.id),
    missingData: digest.missing.length,
  };
}

/** Rule problems in order: the rules tab's, the compiler's, each tab's not seen before, then routing's. */
function ruleProblemsOf(facts: ScanFacts): string[] {
  const problems = [...(facts.read?.ruleProblems ?? []), ...(facts.evaluated?.ruleProblems ?? [])];
  const seen = new Set(problems);
  for (const { evaluation } of facts.evaluated?.tabs ?? [])
    for (const problem of evaluation.ruleProblems)
      if (!seen.has(problem)) {
        seen.add(problem);
        problems.push(problem);
      }
  for (const problem of facts.plan?.digests.routingProblems ?? [])
    if (!seen.has(problem)) problems.push(problem);
  return problems;
}

/** Problems in order: the workbook's (the blocking one first), each tab's warnings, mail held up, the pass's end. */
function problemsOf(facts: ScanFacts): string[] {
  const problems = facts.read?.blocking ? [facts.read.blocking] : [];
  problems.push(...(facts.read?.problems ?? []));
  for (const tab of facts.evaluated?.tabs ?? [])
    problems.push(...tab.warnings.map((warning) => `${tab.tabName} ${warning}`));
  const mail = facts.mail;
  if (mail?.stoppedBecause && mail.queued > 0)
    problems.push(`${mail.queued} email(s) queued for the next run: ${mail.stoppedBecause}`);
  problems.push(...(facts.recorded?.problems ?? []));
  return problems;
}

function outcomeOf(facts: ScanFacts): ScanSummary["outcome"] {
  if (facts.error !== undefined) return "failed";
  if (facts.read?.blocking) return "blocked";
  return facts.accounts && !facts.accounts.complete ? "partial" : "complete";
}

/**
 * The summary of a scan that ran (also when it was blocked or failed part-way): counts and lists from
 * what the phases returned, the outcome, and the one-line message.
 */
export function summarizeScan(facts: ScanFacts, timing: SummaryTiming): ScanSummary {
  const tabs = facts.evaluated?.tabs ?? [];
  const evaluations = tabs.map((tab) => tab.evaluation);
  const mail = facts.mail;
  const summary: ScanSummary = {
    ...emptySummary(facts.mode, facts.startedAt),
    outcome: outcomeOf(facts),
    durationMs: timing.durationMs,
    accountsScanned: tabs.length,
    breaches: evaluations.reduce((sum, evaluation) => sum + evaluation.breaches.length, 0),
    skipped: [...(facts.accounts?.skipped ?? [])],
    newEscalations: facts.plan?.log.newEscalations ?? 0,
    updatedEscalations: facts.plan?.log.continuing ?? 0,
    resolved: facts.plan?.log.resolved ?? 0,
    snoozesEnded: facts.plan?.log.snoozesEnded ?? 0,
    reminders: facts.plan?.digests.reminders ?? 0,
    overdue: facts.plan?.digests.overdue ?? 0,
    emailsSkipped: [...(facts.plan?.digests.skipped ?? [])],
    escalationsWithoutTab: [...(facts.plan?.escalationsWithoutTab ?? [])],
    highlighted: facts.painted?.painted ?? 0,
    highlightsCleared: facts.painted?.cleared ?? 0,
    measuredValues: facts.measuredCells ?? 0,
    missingData: evaluations.flatMap((evaluation) =>
      evaluation.missingData.map((item) => ({
        tab: item.tabName,
        account: item.account,
        metric: item.metric,
        period: formatMonth(item.period),
        cell: item.cell,
      })),
    ),
    valueProblems: evaluations.flatMap((evaluation) =>
      evaluation.valueProblems.map((problem) => ({
        tab: problem.tabName,
        cell: problem.cell,
        problem: problem.problem,
      })),
    ),
    ruleProblems: ruleProblemsOf(facts),
    problems: problemsOf(facts),
    pass: {
      resumed: facts.read?.resumed ?? false,
      complete: facts.accounts?.complete ?? true,
      tabsRemaining: facts.accounts?.tabsRemaining ?? 0,
    },
    uncertainDeliveries: (facts.read?.uncertain ?? []).map((entry) => ({
      to: entry.to,
      escalations: entry.ids,
    })),
    emailsSent: mail?.sent.length ?? 0,
    emailsQueued: mail?.queued ?? 0,
    emails: (mail?.sent ?? []).map((item) => summaryEmail(item.digest, item.rendered.subject)),
    emailsFailed: (mail?.failed ?? []).map((item) =>
      describeFailedDigest(item.digest, item.failure, item.message),
    ),
    ...(facts.plan?.escalations ? { escalations: [...facts.plan.escalations] } : {}),
    ...(facts.error !== undefined ? { error: facts.error } : {}),
  };
  return { ...summary, message: summaryLine(summary, timing.when) };
}

/** Why a run did not start: another command held the lock, there was no lock, or authorization is needed. */
export type NotRun =
  | { outcome: "locked"; lockHolder: string }
  | { outcome: "no-lock" }
  | { outcome: "needs-authorization"; authorizationUrl?: string };

/** The summary of a run that did not start and changed nothing (`authorizationUrl` only when there is one). */
export function notRunSummary(
  mode: ScanSummary["mode"],
  startedAt: Date,
  reason: NotRun,
  timing: SummaryTiming,
): ScanSummary {
  const summary: ScanSummary = {
    ...emptySummary(mode, startedAt),
    ...reason,
    durationMs: timing.durationMs,
  };
  return { ...summary, message: summaryLine(summary, timing.when) };
}
