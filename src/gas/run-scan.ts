// The scan job: lock → read → evaluate → plan (pure) → apply in batches → notify → record, for runScan, previewScan and the trigger.
import { toIsoDate } from "../domain/civil-date";
import type { PortfolioSource } from "../domain/portfolio/plan-portfolio";
import { nameKey } from "../domain/scan/breach-key";
import { compileRules } from "../domain/scan/compile-rules";
import type { MailableAccount } from "../domain/scan/digest-plan";
import { missingDataKey, planDigests } from "../domain/scan/digest-plan";
import type { EscalationRecord } from "../domain/scan/escalation-plan";
import { isUnresolved, planEscalationLog } from "../domain/scan/escalation-plan";
import type { AccountEvaluation } from "../domain/scan/evaluate-account";
import { evaluateAccount } from "../domain/scan/evaluate-account";
import { describeFailedDigest } from "../domain/scan/mail-failure";
import { decodeJournal, journalNotifications } from "../domain/scan/mail-journal";
import type { MissingData } from "../domain/scan/missing-data";
import { asciiJson } from "../domain/scan/property-chunks";
import type { DigestContext } from "../domain/scan/render-digest";
import { renderDigest, tabLink } from "../domain/scan/render-digest";
import type { ScanSummary } from "../domain/scan/scan-summary";
import { compactSummary, emptySummary, summaryLine } from "../domain/scan/scan-summary";
import { civilDateOf } from "../domain/workbook/date-cells";
import { formatMonth } from "../domain/workbook/date-text";
import { sendDigests } from "./digest-sender";
import { writeEscalationLog, writeLastNotified } from "./escalation-log-writer";
import type { TabHighlights } from "./highlight-writer";
import { paintHighlights, planTabHighlights } from "./highlight-writer";
import { runUnderDocumentLock } from "./platform/document-lock";
import type { PortfolioPreread } from "./refresh-portfolio";
import { portfolioSource, refreshPortfolio } from "./refresh-portfolio";
import { SCAN_PROPERTY, ScanStore } from "./scan-store";
import { wallClockReader } from "./wall-clock";
import type { ScanWorkbook } from "./workbook-reader";
import { readAccountSheet, readScanWorkbook } from "./workbook-reader";

/** How a scan runs. */
export interface ScanOptions {
  /** `run` changes the workbook and sends email; `preview` only reports what it would do. */
  mode: "run" | "preview";
  /** Time budget in ms (default: Document Property `KPI_STEWARD_TIME_BUDGET_MS`, else 4.5 minutes). */
  timeBudgetMs?: number;
}

/** Default time budget: 4.5 of Apps Script's 6 minutes, leaving time to write, mail and record. */
export const DEFAULT_TIME_BUDGET_MS = 270_000;
/** After the budget, sending may go on this long before the rest is queued. */
const SENDING_GRACE_MS = 60_000;

/** A pass over the account tabs that an earlier run started and ran out of time on. */
interface ScanCursor {
  v: 1;
  startedAt: string;
  /** Sheet ids of the tabs already read in this pass. */
  done: number[];
  /** Account tabs scanned in this pass: [account, sheetId, tab name, owner email]. */
  accounts: [string, number, string, string][];
}

function readCursor(store: ScanStore): ScanCursor | null {
  const cursor = store.readJson<ScanCursor>(SCAN_PROPERTY.scanCursor);
  const valid = cursor?.v === 1 && Array.isArray(cursor.done) && Array.isArray(cursor.accounts);
  return valid ? cursor : null;
}

function timeBudget(options: ScanOptions, store: ScanStore): number {
  if (options.timeBudgetMs !== undefined) return options.timeBudgetMs;
  const stored = Number(store.get(SCAN_PROPERTY.timeBudgetMs));
  return store.get(SCAN_PROPERTY.timeBudgetMs) !== null && Number.isFinite(stored) && stored >= 0
    ? stored
    : DEFAULT_TIME_BUDGET_MS;
}

/** `2026-03-04 07:00` on the spreadsheet's clock (UTC when there is no spreadsheet). */
function stampOf(date: Date, workbook: Pick<ScanWorkbook, "readWallClock"> | null): string {
  if (!workbook) return date.toISOString().slice(0, 16).replace("T", " ");
  const clock = workbook.readWallClock(date);
  return `${toIsoDate(clock)} ${String(clock.hour).padStart(2, "0")}:${String(clock.minute).padStart(2, "0")}`;
}

/**
 * Runs a scan (SPEC §5) and returns its summary. A `run` holds the document lock
 * (`platform/document-lock`): if another command keeps it, returns `outcome: "locked"` naming that
 * command; if Apps Script gives no document lock, `outcome: "no-lock"`; either way having changed
 * nothing. The summary is recorded (note on Escalation Log!A1, Logger, Document Property
 * `KPI_STEWARD_LAST_RUN`). An error is caught, recorded and returned as `outcome: "failed"`.
 */
export function runScanJob(options: ScanOptions): ScanSummary {
  const started = new Date();
  const summary = emptySummary(options.mode, started);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) {
    summary.outcome = "failed";
    summary.error =
      "no spreadsheet is open in this execution; run the scan from the spreadsheet's KPI Steward menu";
    summary.message = summaryLine(summary, stampOf(started, null));
    Logger.log(`KPI Steward: ${summary.message}`);
    return summary;
  }
  const scanNow = () => scanAndRecord(spreadsheet, options, summary, started);
  if (options.mode === "preview") return scanNow();
  const locked = runUnderDocumentLock({ kind: "scan", action: "Scan" }, scanNow);
  if (locked.status === "done") return locked.value;
  summary.outcome = locked.status === "held" ? "locked" : "no-lock";
  if (locked.status === "held") summary.lockHolder = locked.holder;
  summary.durationMs = Date.now() - started.getTime();
  const readWallClock = wallClockReader(spreadsheet.getSpreadsheetTimeZone());
  summary.message = summaryLine(summary, stampOf(started, { readWallClock }));
  // Locked: the holder records its own run. No lock: nothing else will say this run did not happen.
  if (locked.status === "held") Logger.log(`KPI Steward: ${summary.message}`);
  else recordRunSummary(summary);
  return summary;
}

/** Scans, catching any error as `outcome: "failed"`, then records the summary (never throws). */
function scanAndRecord(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: ScanOptions,
  summary: ScanSummary,
  started: Date,
): ScanSummary {
  const state: { workbook: ScanWorkbook | null; store: ScanStore | null } = { workbook: null, store: null };
  try {
    scan(spreadsheet, options, summary, started.getTime(), state);
  } catch (error) {
    summary.outcome = "failed";
    summary.error = (error as Error).message || String(error);
  }
  summary.durationMs = Date.now() - started.getTime();
  summary.message = summaryLine(summary, stampOf(started, state.workbook));
  try {
    record(summary, state.workbook, state.store, options.mode);
  } catch (_error) {
    // Recording must not hide the scan's own outcome.
  }
  return summary;
}

/**
 * Records the summary of a run that did not get to the workbook (no document lock, authorization
 * needed): the execution log and Document Property `KPI_STEWARD_LAST_RUN`, when there is a document.
 */
export function recordRunSummary(summary: ScanSummary): void {
  Logger.log(`KPI Steward: ${summary.message}`);
  try {
    const properties = PropertiesService.getDocumentProperties();
    if (properties) new ScanStore(properties).writeJson(SCAN_PROPERTY.lastRun, compactSummary(summary));
  } catch (_error) {
    // The execution log has it.
  }
}

/** Records a run: the execution log always; for a run, the log tab's A1 note and `KPI_STEWARD_LAST_RUN`. */
function record(
  summary: ScanSummary,
  workbook: ScanWorkbook | null,
  store: ScanStore | null,
  mode: ScanOptions["mode"],
): void {
  Logger.log(`KPI Steward: ${summary.message}`);
  if (mode !== "run") return;
  (store ?? new ScanStore(PropertiesService.getDocumentProperties())).writeJson(
    SCAN_PROPERTY.lastRun,
    compactSummary(summary),
  );
  const sheet = workbook?.logSheet ?? null;
  if (sheet) sheet.getRange(1, 1).setNote(summary.message);
}

function scan(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: ScanOptions,
  summary: ScanSummary,
  startMs: number,
  state: { workbook: ScanWorkbook | null; store: ScanStore | null },
): void {
  const writing = options.mode === "run";
  const store = new ScanStore(PropertiesService.getDocumentProperties(), !writing);
  state.store = store;
  const workbook = readScanWorkbook(spreadsheet);
  state.workbook = workbook;
  const { readWallClock, settings } = workbook;
  summary.problems.push(...workbook.problems);
  summary.ruleProblems.push(...workbook.ruleProblems);
  if (workbook.blocking) {
    summary.outcome = "blocked";
    summary.problems.unshift(workbook.blocking);
    return;
  }
  const now = new Date();
  const today = civilDateOf(now, readWallClock);
  const compiled = compileRules(workbook.rules, workbook.rulesColumns, workbook.unreadableRules);
  summary.ruleProblems.push(...compiled.problems);

  const journal = decodeJournal(store.readText(SCAN_PROPERTY.mailJournal));
  const earlier = journalNotifications(journal);
  summary.uncertainDeliveries = earlier.uncertain.map((entry) => ({ to: entry.to, escalations: entry.ids }));

  // 1–3. Read each account tab in one batch, evaluate it, highlight it; stop at the time budget.
  const budget = timeBudget(options, store);
  const cursor = writing ? readCursor(store) : null;
  summary.pass.resumed = cursor !== null;
  const done = new Set<number>(cursor?.done ?? []);
  const accounts = new Map<string, MailableAccount>();
  for (const [account, sheetId, tabName, ownerEmail] of cursor?.accounts ?? [])
    accounts.set(nameKey(account), { account, sheetId, tabName, ownerEmail });
  const evaluations: AccountEvaluation[] = [];
  const missingData: MissingData[] = [];
  const seenRuleProblems = new Set(summary.ruleProblems);
  let stoppedEarly = false;
  const sheetIds = new Map<GoogleAppsScript.Spreadsheet.Sheet, number>();
  const idOf = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => {
    let id = sheetIds.get(sheet);
    if (id === undefined) {
      id = sheet.getSheetId();
      sheetIds.set(sheet, id);
    }
    return id;
  };
  // What this run read, for the Portfolio refresh at the end of a pass (so it reads nothing again).
  const portfolioSources = new Map<GoogleAppsScript.Spreadsheet.Sheet, PortfolioSource | null>();
  const highlights: TabHighlights[] = [];
  for (const { sheet, name: tabName } of workbook.candidates) {
    const sheetId = idOf(sheet);
    if (done.has(sheetId)) continue;
    if (evaluations.length > 0 && Date.now() - startMs >= budget) {
      stoppedEarly = true;
      break;
    }
    const read = readAccountSheet(sheet, tabName, readWallClock);
    done.add(sheetId);
    portfolioSources.set(sheet, portfolioSource(tabName, read));
    if (read.kind === "not-account") continue;
    if (read.kind === "problem") {
      summary.skipped.push({ tab: tabName, reason: read.reason });
      continue;
    }
    const { tab } = read;
    const other = accounts.get(nameKey(tab.account));
    if (other && other.sheetId !== sheetId) {
      summary.skipped.push({
        tab: tabName,
        reason:
          `row 1: account "${tab.account}" in B1 is also the account of tab "${other.tabName}"; ` +
          "each account needs its own name so its escalations are not mixed up",
      });
      continue;
    }
    accounts.set(nameKey(tab.account), {
      account: tab.account,
      sheetId,
      tabName,
      ownerEmail: tab.ownerEmail,
    });
    const evaluation = evaluateAccount(tab, {
      rules: compiled.rules,
      catalog: workbook.catalog,
      today,
      readWallClock,
    });
    evaluations.push(evaluation);
    summary.accountsScanned += 1;
    summary.breaches += evaluation.breaches.length;
    summary.problems.push(...tab.warnings.map((warning) => `${tabName} ${warning}`));
    for (const problem of evaluation.ruleProblems)
      if (!seenRuleProblems.has(problem)) {
        seenRuleProblems.add(problem);
        summary.ruleProblems.push(problem);
      }
    summary.valueProblems.push(
      ...evaluation.valueProblems.map((problem) => ({
        tab: problem.tabName,
        cell: problem.cell,
        problem: problem.problem,
      })),
    );
    missingData.push(...evaluation.missingData);
    summary.missingData.push(
      ...evaluation.missingData.map((item) => ({
        tab: item.tabName,
        account: item.account,
        metric: item.metric,
        period: formatMonth(item.period),
        cell: item.cell,
      })),
    );
    const planned = planTabHighlights(sheet, sheetId, tab, evaluation, store);
    if (planned) {
      highlights.push(planned);
      summary.highlighted += planned.painted;
      summary.highlightsCleared += planned.cleared;
    }
  }
  // 3. Highlights of every tab read: bookkeeping saved once, then each tab painted in one call.
  if (writing) paintHighlights(highlights, store);
  const remaining = workbook.candidates.filter((candidate) => !done.has(idOf(candidate.sheet))).length;
  const complete = !stoppedEarly || remaining === 0;
  summary.outcome = complete ? "complete" : "partial";
  summary.pass = { resumed: summary.pass.resumed, complete, tabsRemaining: complete ? 0 : remaining };

  // 4. Plan the Escalation Log (pure), then write it in blocks.
  const plan = planEscalationLog({
    log: workbook.log,
    evaluations,
    rules: compiled.rules,
    brokenKeys: compiled.brokenKeys,
    brokenFamilies: compiled.brokenFamilies,
    rulesReadable: workbook.rulesReadable,
    now,
    readWallClock,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    notified: earlier.escalations,
    firstNewRow: workbook.logHeight + 1,
  });
  summary.newEscalations = plan.newEscalations;
  summary.updatedEscalations = plan.continuing;
  summary.resolved = plan.resolved;
  summary.snoozesEnded = plan.snoozesEnded;
  if (complete)
    summary.escalationsWithoutTab = plan.records
      .filter((r) => isUnresolved(r.status) && r.account !== "" && !accounts.has(nameKey(r.account)))
      .map((r) => ({ id: r.id, account: r.account }));
  let logSheet = workbook.logSheet;
  if (writing) {
    logSheet = writeEscalationLog(spreadsheet, logSheet, workbook.log, plan.records, readWallClock);
    workbook.logSheet = logSheet;
    SpreadsheetApp.flush();
  }

  const missingNotified = readMissingNotified(store);
  for (const [key, at] of earlier.missing) missingNotified.set(key, at);
  if (writing && journal.length > 0) {
    saveMissingNotified(store, missingNotified);
    store.writeText(SCAN_PROPERTY.mailJournal, null);
    journal.length = 0;
  }

  // 5–6. One digest per owner, within the quota; what cannot go now stays queued for the next run.
  const digestPlan = planDigests({
    records: plan.records,
    accounts,
    missingData,
    missingNotified,
    now,
    readWallClock,
    reminderEveryDays: settings.reminderEveryDays,
    allowedDomains: settings.allowedEmailDomains,
  });
  summary.emailsSkipped = digestPlan.skipped;
  summary.overdue = digestPlan.overdue;
  summary.reminders = digestPlan.reminders;
  const spreadsheetUrl = spreadsheet.getUrl();
  let escalationLogUrl: string | null = null;
  const context: DigestContext = {
    spreadsheetName: spreadsheet.getName(),
    spreadsheetUrl,
    senderName: settings.senderName,
    // Asked for only by a digest that lists fewer escalations than it covers.
    escalationLogUrl: () => {
      if (escalationLogUrl === null)
        escalationLogUrl = logSheet ? tabLink(spreadsheetUrl, logSheet.getSheetId()) : spreadsheetUrl;
      return escalationLogUrl;
    },
  };
  if (!writing) {
    const quota = digestPlan.digests.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
    const sendable = digestPlan.digests.slice(0, Math.max(0, quota));
    summary.emailsSent = sendable.length;
    summary.emailsQueued = digestPlan.digests.length - sendable.length;
    summary.emails = sendable.map((digest) => summaryEmail(digest, renderDigest(digest, context).subject));
    return;
  }
  const deadline = startMs + Math.min(budget + SENDING_GRACE_MS, 330_000);
  const sent = sendDigests(digestPlan.digests, context, store, journal, deadline);
  summary.emailsSent = sent.sent.length;
  summary.emailsQueued = sent.queued.length;
  summary.emails = sent.sent.map((item) => summaryEmail(item.digest, item.rendered.subject));
  summary.emailsFailed = sent.failed.map((item) =>
    describeFailedDigest(item.digest, item.failure, item.message),
  );
  if (sent.stoppedBecause && sent.queued.length > 0)
    summary.problems.push(`${sent.queued.length} email(s) queued for the next run: ${sent.stoppedBecause}`);

  // Record who was told what: Last notified in the log, then the journal can go.
  if (sent.sent.length > 0) {
    const rowOfId = new Map<string, EscalationRecord>();
    for (const item of plan.records) if (item.id !== "" && !rowOfId.has(item.id)) rowOfId.set(item.id, item);
    const notified = new Map<number, Date>();
    for (const item of sent.sent) {
      for (const entry of item.digest.items) {
        const row = rowOfId.get(entry.id);
        if (row) notified.set(row.row, item.at);
      }
      for (const missing of item.digest.missing) missingNotified.set(missing.key, item.at);
    }
    if (logSheet && notified.size > 0)
      writeLastNotified(logSheet, workbook.log.columns["Last notified"], notified);
    SpreadsheetApp.flush();
  }
  pruneMissingNotified(missingNotified, evaluations, missingData);
  saveMissingNotified(store, missingNotified);
  if (journal.length > 0) store.writeText(SCAN_PROPERTY.mailJournal, null);

  // 7. Where the pass got to.
  if (complete) {
    if (cursor) store.writeText(SCAN_PROPERTY.scanCursor, null);
    finishPass(spreadsheet, store, accounts, done, summary, {
      timeZone: workbook.timeZone,
      tabs: workbook.tabs,
      accounts: portfolioSources,
      settingsValues: workbook.settingsValues,
      logSheet,
    });
  } else {
    const next: ScanCursor = {
      v: 1,
      startedAt: cursor?.startedAt ?? new Date(startMs).toISOString(),
      done: [...done],
      accounts: [...accounts.values()].map((a) => [a.account, a.sheetId, a.tabName, a.ownerEmail]),
    };
    store.writeJson(SCAN_PROPERTY.scanCursor, next);
  }
}

function summaryEmail(digest: { to: string; items: { id: string }[]; missing: unknown[] }, subject: string) {
  return {
    to: digest.to,
    subject,
    escalations: digest.items.map((item) => item.id),
    missingData: digest.missing.length,
  };
}

/** When each missing value was last mailed, from the store. */
function readMissingNotified(store: ScanStore): Map<string, Date> {
  const data = store.readJson<Record<string, number>>(SCAN_PROPERTY.missingNotified) ?? {};
  const map = new Map<string, Date>();
  for (const [key, ms] of Object.entries(data)) if (Number.isFinite(ms)) map.set(key, new Date(ms));
  return map;
}

/** Saves when each missing value was last mailed, only when it changed. */
function saveMissingNotified(store: ScanStore, map: ReadonlyMap<string, Date>): void {
  const data: Record<string, number> = {};
  for (const [key, at] of [...map].sort(([a], [b]) => a.localeCompare(b))) data[key] = at.getTime();
  const json = map.size > 0 ? JSON.stringify(data) : null;
  if ((json === null ? null : asciiJson(json)) !== store.readText(SCAN_PROPERTY.missingNotified))
    store.writeText(SCAN_PROPERTY.missingNotified, json);
}

/** Forgets missing values of the scanned accounts that are no longer missing. */
function pruneMissingNotified(
  map: Map<string, Date>,
  evaluations: readonly AccountEvaluation[],
  missing: readonly MissingData[],
): void {
  const scanned = new Set(evaluations.map((evaluation) => nameKey(evaluation.account)));
  const current = new Set(missing.map(missingDataKey));
  for (const key of [...map.keys()]) {
    const account = key.slice(0, key.indexOf("|"));
    if (scanned.has(account) && !current.has(key)) map.delete(key);
  }
}

/**
 * At the end of a complete pass: refreshes the Portfolio when the set of account tabs changed, and
 * drops highlight bookkeeping of tabs that no longer exist.
 */
function finishPass(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  store: ScanStore,
  accounts: ReadonlyMap<string, MailableAccount>,
  seenSheets: ReadonlySet<number>,
  summary: ScanSummary,
  preread: PortfolioPreread,
): void {
  const ids = [...accounts.values()].map((account) => account.sheetId).sort((a, b) => a - b);
  const text = JSON.stringify(ids);
  if (store.get(SCAN_PROPERTY.accountTabs) !== text) {
    try {
      refreshPortfolio(spreadsheet, preread);
    } catch (error) {
      summary.problems.push(`the Portfolio tab could not be refreshed: ${(error as Error).message}`);
    }
    store.writeText(SCAN_PROPERTY.accountTabs, text);
  }
  for (const key of store.keys()) {
    if (!key.startsWith(SCAN_PROPERTY.highlightsPrefix) || key.includes("~")) continue;
    const sheetId = Number(key.slice(SCAN_PROPERTY.highlightsPrefix.length));
    if (!seenSheets.has(sheetId)) store.writeText(key, null);
  }
}
