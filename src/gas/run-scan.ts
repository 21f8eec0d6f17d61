// The scan job in phases — read → evaluate → plan → paint → log → notify → record — for runScan, previewScan and the trigger.
import type { ReadWallClock } from "../domain/civil-date";
import { toIsoDate } from "../domain/civil-date";
import { incidentsBehindPeriod } from "../domain/incidents/measured-rows";
import { nameKey } from "../domain/scan/breach-key";
import type { CompiledRules } from "../domain/scan/compile-rules";
import { compileRules } from "../domain/scan/compile-rules";
import { evaluateAccount } from "../domain/scan/evaluate-account";
import type { JournalEntry, JournalNotifications } from "../domain/scan/mail-journal";
import { decodeJournal, journalNotifications } from "../domain/scan/mail-journal";
import { type MeasuredCellsRecord, planMeasuredCells } from "../domain/scan/measured-cells-plan";
import type { MissingNotified } from "../domain/scan/missing-notified";
import {
  decodeMissingNotified,
  encodeMissingNotified,
  mergeMissingNotified,
  pruneMissingNotified,
} from "../domain/scan/missing-notified";
import type { RunPlan } from "../domain/scan/plan-run";
import { planRun } from "../domain/scan/plan-run";
import { previewEscalations } from "../domain/scan/preview-escalations";
import type { DigestContext } from "../domain/scan/render-digest";
import { renderDigest, tabLink } from "../domain/scan/render-digest";
import type { ScanCursor } from "../domain/scan/scan-cursor";
import { decodeScanCursor } from "../domain/scan/scan-cursor";
import type { ScanSummary } from "../domain/scan/scan-summary";
import { compactSummary } from "../domain/scan/scan-summary";
import { sentNotifications } from "../domain/scan/sent-notifications";
import type { MailFacts, NotRun, ScanFacts, ScannedTab } from "../domain/scan/summarize-scan";
import { notRunSummary, summarizeScan } from "../domain/scan/summarize-scan";
import { inSegment, SEGMENTS } from "../domain/segment";
import { civilDateOf } from "../domain/workbook/date-cells";
import { sendDigests } from "./digest-sender";
import { writeEscalationLog, writeLastNotified, writeNotified } from "./escalation-log-writer";
import type { HighlightBookkeeping, HighlightCounts, TabHighlights } from "./highlight-writer";
import {
  findHighlightedTabs,
  paintHighlights,
  planTabPaint,
  readHighlightBookkeeping,
} from "./highlight-writer";
import { writeMeasuredCells } from "./measured-cells-writer";
import { runUnderDocumentLock } from "./platform/document-lock";
import { wallClockReader } from "./platform/wall-clock";
import type { AccountTabRead, AccountTabsRead } from "./scan-pass";
import { readAccountTabs, recordPass } from "./scan-pass";
import { SCAN_PROPERTY, ScanStore } from "./scan-store";
import { SheetIds } from "./sheet-ids";
import type { ScanWorkbook } from "./workbook-reader";
import { readScanWorkbook } from "./workbook-reader";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
/** Sending never goes past this many ms after the start: Apps Script stops a run at 6 minutes. */
const SENDING_LIMIT_MS = 330_000;

/** `2026-03-04 07:00` on the spreadsheet's clock (UTC when there is no spreadsheet). */
function stampOf(date: Date, readWallClock: ReadWallClock | null): string {
  if (!readWallClock) return date.toISOString().slice(0, 16).replace("T", " ");
  const clock = readWallClock(date);
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
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) {
    const error =
      "no spreadsheet is open in this execution; run the scan from the spreadsheet's KPI Steward menu";
    const summary = summarizeScan(
      { mode: options.mode, startedAt: started, error },
      { when: stampOf(started, null), durationMs: 0 },
    );
    Logger.log(`KPI Steward: ${summary.message}`);
    return summary;
  }
  const scanNow = () => scanAndRecord(spreadsheet, options, started);
  if (options.mode === "preview") return scanNow();
  const locked = runUnderDocumentLock({ kind: "scan", action: "Scan" }, scanNow);
  if (locked.status === "done") return locked.value;
  const reason: NotRun =
    locked.status === "held" ? { outcome: "locked", lockHolder: locked.holder } : { outcome: "no-lock" };
  const summary = notRunSummary(options.mode, started, reason, {
    when: stampOf(started, wallClockReader(spreadsheet.getSpreadsheetTimeZone())),
    durationMs: Date.now() - started.getTime(),
  });
  // Locked: the holder records its own run. No lock: nothing else will say this run did not happen.
  if (locked.status === "held") Logger.log(`KPI Steward: ${summary.message}`);
  else recordRunSummary(summary);
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

/** Scans, builds the summary from what the phases returned, then records it (never throws). */
function scanAndRecord(spreadsheet: Spreadsheet, options: ScanOptions, started: Date): ScanSummary {
  const run = scan(spreadsheet, options, started);
  const summary = summarizeScan(factsOf(run, options.mode, started), {
    when: stampOf(started, run.workbook?.readWallClock ?? null),
    durationMs: Date.now() - started.getTime(),
  });
  try {
    recordRun(summary, run, options.mode);
  } catch (_error) {
    // Recording must not hide the scan's own outcome.
  }
  return summary;
}

/** What every phase works on: the spreadsheet, the store, the KPI Steward tabs as read, the tabs' ids. */
interface ScanContext {
  spreadsheet: Spreadsheet;
  store: ScanStore;
  workbook: ScanWorkbook;
  ids: SheetIds;
  /** `run`: write and send; `preview`: report only. */
  writing: boolean;
  started: Date;
}

/** What a run read besides the workbook: the store's state, `now`, the time budget. */
interface ScanState {
  now: Date;
  /** The mail journal as stored, and what it says earlier runs sent. */
  journal: JournalEntry[];
  earlier: JournalNotifications;
  /** When each missing value was last mailed, as stored. */
  missingNotified: MissingNotified;
  /** The pass an earlier run ran out of time on (a `run` only; a preview starts afresh). */
  cursor: ScanCursor | null;
  budgetMs: number;
  bookkeeping: HighlightBookkeeping;
  /** Keys of highlight bookkeeping whose tab is gone. */
  goneHighlights: string[];
}

/** An account tab read and evaluated in this run. */
interface EvaluatedTab extends ScannedTab, AccountTabRead {}

/** What the evaluate phase returns: the rules as compiled, and each account tab read with its evaluation. */
interface Evaluated {
  rules: CompiledRules;
  tabs: EvaluatedTab[];
}

/** What the log phase leaves: the log tab (created when it was missing), and the mail journal as it stands. */
interface Logged {
  logSheet: Sheet | null;
  journal: readonly JournalEntry[];
}

/**
 * What the phases of one run returned, in order, each set once when its phase has run; a phase that
 * throws leaves `error` and none after it.
 */
interface ScanRun {
  store?: ScanStore;
  workbook?: ScanWorkbook;
  state?: ScanState;
  accounts?: AccountTabsRead;
  evaluated?: Evaluated;
  plan?: RunPlan;
  painted?: HighlightCounts;
  /** Cells of account grids filled from the Incidents tab (written, or that would be in a preview). */
  measuredCells?: number;
  logged?: Logged;
  mail?: MailFacts;
  recorded?: { problems: string[] };
  error?: string;
}

/** The scan: each phase takes what the earlier ones returned. */
function scan(spreadsheet: Spreadsheet, options: ScanOptions, started: Date): ScanRun {
  const writing = options.mode === "run";
  const run: ScanRun = {};
  try {
    run.store = new ScanStore(PropertiesService.getDocumentProperties(), !writing);
    run.workbook = readScanWorkbook(spreadsheet);
    if (run.workbook.blocking) return run;
    const context: ScanContext = {
      spreadsheet,
      store: run.store,
      workbook: run.workbook,
      ids: new SheetIds(),
      writing,
      started,
    };
    run.state = readScanState(context, options.timeBudgetMs);
    run.accounts = readPassTabs(context, run.state);
    run.evaluated = evaluateAccounts(context, run.accounts, run.state);
    run.plan = planChanges(context, run.state, run.accounts, run.evaluated);
    run.painted = paint(context, run.state, run.evaluated);
    run.measuredCells = fillMeasuredCells(context, run.state, run.evaluated);
    // Exactly once: the log is written (and flushed) before any digest goes out, so every escalation
    // a digest names has its row; `notify` then journals each send and writes `Last notified` after.
    run.logged = writeLog(context, run.state, run.plan);
    run.mail = notify(context, run.state, run.evaluated, run.plan, run.logged);
    if (writing) run.recorded = recordWherePassGot(context, run.state, run.accounts, run.logged, run.plan);
  } catch (error) {
    run.error = (error as Error).message || String(error);
  }
  return run;
}

/**
 * read: the run's state from the Document Properties snapshot (mail journal, missing values mailed,
 * the cursor of a pass under way, the time budget, the highlight bookkeeping), and the ids of the
 * tabs that have highlight bookkeeping.
 */
function readScanState(context: ScanContext, timeBudgetMs: number | undefined): ScanState {
  const { store, workbook, ids, writing } = context;
  const journal = decodeJournal(store.readText(SCAN_PROPERTY.mailJournal));
  const bookkeeping = readHighlightBookkeeping(store);
  const storedBudget = store.get(SCAN_PROPERTY.timeBudgetMs);
  const budget = Number(storedBudget);
  return {
    now: new Date(),
    journal,
    earlier: journalNotifications(journal),
    missingNotified: decodeMissingNotified(store.readText(SCAN_PROPERTY.missingNotified)),
    cursor: writing ? decodeScanCursor(store.readText(SCAN_PROPERTY.scanCursor)) : null,
    budgetMs:
      timeBudgetMs ??
      (storedBudget !== null && Number.isFinite(budget) && budget >= 0 ? budget : DEFAULT_TIME_BUDGET_MS),
    bookkeeping,
    goneHighlights: findHighlightedTabs(workbook.candidates, bookkeeping, ids),
  };
}

/**
 * read: the account tabs of the pass this run gets to, one `getSheetValues` each, until the time
 * budget (counted from the run's start) is spent.
 */
function readPassTabs(context: ScanContext, state: ScanState): AccountTabsRead {
  const budgetEnd = context.started.getTime() + state.budgetMs;
  return readAccountTabs(
    context.workbook.candidates,
    state.cursor,
    context.ids,
    context.workbook.readWallClock,
    () => Date.now() >= budgetEnd,
  );
}

/** evaluate (pure): the rules compiled once, then every rule on each account tab read. */
function evaluateAccounts(context: ScanContext, read: AccountTabsRead, state: ScanState): Evaluated {
  const { workbook } = context;
  const rules = compileRules(workbook.rules, workbook.rulesColumns, workbook.unreadableRules);
  const options = {
    catalog: workbook.catalog,
    today: civilDateOf(state.now, workbook.readWallClock),
    readWallClock: workbook.readWallClock,
    // Read once per run (workbook-reader), shared by every account tab.
    incidents: workbook.incidents,
    now: state.now,
  };
  // A rule runs only on the accounts of its segment (an account tab without a Segment row takes
  // Settings › Default segment).
  const rulesOf = new Map(
    SEGMENTS.map((segment) => [segment, rules.rules.filter((rule) => inSegment(rule.rule.segment, segment))]),
  );
  return {
    rules,
    tabs: read.tabs.map((tab) => ({
      ...tab,
      warnings: tab.tab.warnings,
      evaluation: evaluateAccount(tab.tab, {
        ...options,
        rules: rulesOf.get(tab.tab.segment ?? workbook.settings.defaultSegment) ?? [],
      }),
    })),
  };
}

/** plan (pure): the Escalation Log's changes and the digests, before anything is written. */
function planChanges(
  context: ScanContext,
  state: ScanState,
  read: AccountTabsRead,
  evaluated: Evaluated,
): RunPlan {
  const { workbook } = context;
  return planRun({
    log: workbook.log,
    firstNewRow: workbook.logHeight + 1,
    rules: evaluated.rules,
    rulesReadable: workbook.rulesReadable,
    evaluations: evaluated.tabs.map((tab) => tab.evaluation),
    accounts: read.accounts,
    passComplete: read.complete,
    settings: workbook.settings,
    now: state.now,
    readWallClock: workbook.readWallClock,
    journal: state.earlier,
    missingNotified: state.missingNotified,
    roles: workbook.roles,
    incidents: workbook.incidents,
    incidentsBehind: (account, period) =>
      workbook.incidents &&
      incidentsBehindPeriod(
        workbook.incidents,
        account,
        civilDateOf(period, workbook.readWallClock),
        state.now,
        workbook.readWallClock,
      ),
  });
}

/**
 * paint: the highlights of every tab evaluated — each tab's cells concerned read in one
 * `getBackgrounds`, then (a `run`) the bookkeeping of all tabs saved in one write before any tab is
 * painted with one `setBackgrounds`. A preview counts what it would paint.
 */
function paint(context: ScanContext, state: ScanState, evaluated: Evaluated): HighlightCounts {
  const planned: TabHighlights[] = [];
  for (const { sheet, tabName, tab, evaluation } of evaluated.tabs) {
    const highlights = planTabPaint(sheet, tabName, tab, evaluation.breaches, state.bookkeeping, context.ids);
    if (highlights) planned.push(highlights);
  }
  if (context.writing) paintHighlights(planned, context.store);
  return {
    painted: planned.reduce((sum, tab) => sum + tab.plan.painted, 0),
    cleared: planned.reduce((sum, tab) => sum + tab.plan.cleared, 0),
  };
}

/**
 * fill: the values each account tab measures from the Incidents tab, written into its grid (blank
 * cells and the scan's own earlier values only; a person's differing value is reported as a value
 * problem of the tab), with the record of what was written saved in one property write. Returns the
 * cells written (to be written, in a preview).
 */
function fillMeasuredCells(context: ScanContext, state: ScanState, evaluated: Evaluated): number {
  const { store, workbook } = context;
  const all = store.readJson<Record<string, MeasuredCellsRecord>>(SCAN_PROPERTY.measuredCells) ?? {};
  const next: Record<string, MeasuredCellsRecord> = { ...all };
  const stamp = toIsoDate(civilDateOf(state.now, workbook.readWallClock));
  let cells = 0;
  for (const { sheet, tab, evaluation } of evaluated.tabs) {
    if (!evaluation.measured) continue;
    const account = nameKey(tab.account);
    const plan = planMeasuredCells(tab, evaluation.measured, {
      previous: all[account] ?? {},
      stamp,
      readWallClock: workbook.readWallClock,
    });
    for (const conflict of plan.conflicts)
      evaluation.valueProblems.push({ tabName: tab.tabName, ...conflict });
    if (Object.keys(plan.record).length > 0) next[account] = plan.record;
    else delete next[account];
    cells += plan.writes.length;
    if (context.writing && plan.writes.length > 0) writeMeasuredCells(sheet, plan.writes);
  }
  const text = Object.keys(next).length > 0 ? JSON.stringify(next) : null;
  if (context.writing && store.differs(SCAN_PROPERTY.measuredCells, text))
    store.writeText(SCAN_PROPERTY.measuredCells, text);
  return cells;
}

/**
 * log: writes the planned Escalation Log changes in blocks (a `run`), creating the tab when needed.
 * Exactly once, recovery: the plan gave `Last notified` to what the mail journal says an earlier run
 * sent; now that it is written, the missing values it covered are saved and the journal is cleared.
 */
function writeLog(context: ScanContext, state: ScanState, plan: RunPlan): Logged {
  const { spreadsheet, workbook, store } = context;
  if (!context.writing) return { logSheet: workbook.logSheet, journal: state.journal };
  const logSheet = writeEscalationLog(spreadsheet, workbook.logSheet, workbook.log, plan.log.records);
  SpreadsheetApp.flush();
  if (state.journal.length === 0) return { logSheet, journal: state.journal };
  saveMissingNotified(store, plan.missingNotified);
  store.writeText(SCAN_PROPERTY.mailJournal, null);
  return { logSheet, journal: [] };
}

/**
 * notify: one digest per owner. A preview reads the quota and renders what it would send. A `run`
 * sends within the budget and a grace (see `sendDigests` for the journal around each send), then
 * records who was told what.
 */
function notify(
  context: ScanContext,
  state: ScanState,
  evaluated: Evaluated,
  plan: RunPlan,
  logged: Logged,
): MailFacts {
  const { spreadsheet, workbook, store } = context;
  const digests = plan.digests.digests;
  const spreadsheetUrl = spreadsheet.getUrl();
  let escalationLogUrl: string | null = null;
  const digestContext: DigestContext = {
    spreadsheetName: spreadsheet.getName(),
    spreadsheetUrl,
    senderName: workbook.settings.senderName,
    timeZone: workbook.timeZone,
    // Asked for only by a digest that lists fewer escalations than it covers.
    escalationLogUrl: () => {
      if (escalationLogUrl === null)
        escalationLogUrl = logged.logSheet
          ? tabLink(spreadsheetUrl, logged.logSheet.getSheetId())
          : spreadsheetUrl;
      return escalationLogUrl;
    },
  };
  if (!context.writing) {
    const quota = digests.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
    const sendable = digests.slice(0, Math.max(0, quota));
    return {
      sent: sendable.map((digest) => ({ digest, rendered: renderDigest(digest, digestContext) })),
      queued: digests.length - sendable.length,
      failed: [],
    };
  }
  const sendUntil = context.started.getTime() + Math.min(state.budgetMs + SENDING_GRACE_MS, SENDING_LIMIT_MS);
  const sent = sendDigests(digests, digestContext, store, logged.journal, sendUntil);
  // Exactly once, after sending: `Last notified` goes into the log for every digest sent, and only
  // then may the journal go (a run that dies before this leaves the journal for the next run).
  const notified = sentNotifications(plan.log.records, sent.sent);
  if (sent.sent.length > 0) {
    if (logged.logSheet && notified.rows.size > 0) {
      writeLastNotified(logged.logSheet, workbook.log.columns["Last notified"], notified.rows);
      const before = new Map(plan.log.records.map((record) => [record.row, record.cells]));
      const notifiedColumn = workbook.log.notifiedColumn;
      writeNotified(
        logged.logSheet,
        workbook.log,
        new Map(
          [...notified.recipients].map(([row, emails]) => [
            row,
            {
              before: notifiedColumn === null ? "" : String(before.get(row)?.[notifiedColumn - 1] ?? ""),
              emails,
            },
          ]),
        ),
      );
    }
    SpreadsheetApp.flush();
  }
  const evaluations = evaluated.tabs.map((tab) => tab.evaluation);
  saveMissingNotified(
    store,
    pruneMissingNotified(
      mergeMissingNotified(plan.missingNotified, notified.missing),
      evaluations.map((evaluation) => evaluation.account),
      evaluations.flatMap((evaluation) => evaluation.missingData),
    ),
  );
  if (sent.journal.length > 0) store.writeText(SCAN_PROPERTY.mailJournal, null);
  return {
    sent: sent.sent,
    queued: sent.queued.length,
    failed: sent.failed,
    stoppedBecause: sent.stoppedBecause,
  };
}

/**
 * record: where the pass got to (the cursor for the next run, or the end of a complete pass: the
 * Portfolio refresh from what this run read, bookkeeping of deleted tabs dropped). The summary is
 * recorded after, by {@link recordRun}.
 */
function recordWherePassGot(
  context: ScanContext,
  state: ScanState,
  read: AccountTabsRead,
  logged: Logged,
  plan: RunPlan,
): { problems: string[] } {
  const { spreadsheet, store, workbook, ids, started } = context;
  return recordPass(spreadsheet, store, read, state.cursor, ids, started, state.goneHighlights, {
    timeZone: workbook.timeZone,
    tabs: workbook.tabs,
    accounts: read.portfolioSources,
    settingsValues: workbook.settingsValues,
    logSheet: logged.logSheet,
    escalations: plan.log.records,
    asOf: state.now,
  });
}

/** Saves when each missing value was last mailed, only when it changed. */
function saveMissingNotified(store: ScanStore, map: MissingNotified): void {
  const text = encodeMissingNotified(map);
  if (store.differs(SCAN_PROPERTY.missingNotified, text))
    store.writeText(SCAN_PROPERTY.missingNotified, text);
}

/** What the phases returned, as the summary reads it. */
function factsOf(run: ScanRun, mode: ScanOptions["mode"], startedAt: Date): ScanFacts {
  const { workbook, state, accounts } = run;
  return {
    mode,
    startedAt,
    read: workbook && {
      problems: workbook.problems,
      ruleProblems: workbook.ruleProblems,
      blocking: workbook.blocking,
      resumed: (state?.cursor ?? null) !== null,
      uncertain: state?.earlier.uncertain ?? [],
    },
    accounts: accounts && {
      skipped: accounts.skipped,
      complete: accounts.complete,
      tabsRemaining: accounts.tabsRemaining,
    },
    evaluated: run.evaluated && { ruleProblems: run.evaluated.rules.problems, tabs: run.evaluated.tabs },
    plan: run.plan && {
      log: run.plan.log,
      digests: run.plan.digests,
      escalationsWithoutTab: run.plan.escalationsWithoutTab,
      ...(mode === "preview" && workbook
        ? {
            escalations: previewEscalations(
              run.plan.log.records,
              state?.now ?? startedAt,
              workbook.readWallClock,
              workbook.timeZone,
            ),
          }
        : {}),
    },
    painted: run.painted,
    measuredCells: run.measuredCells,
    mail: run.mail,
    recorded: run.recorded,
    error: run.error,
  };
}

/** record: the execution log always; for a `run`, `KPI_STEWARD_LAST_RUN` and the note on the log tab's A1. */
function recordRun(summary: ScanSummary, run: ScanRun, mode: ScanOptions["mode"]): void {
  Logger.log(`KPI Steward: ${summary.message}`);
  if (mode !== "run") return;
  (run.store ?? new ScanStore(PropertiesService.getDocumentProperties())).writeJson(
    SCAN_PROPERTY.lastRun,
    compactSummary(summary),
  );
  const sheet = run.logged?.logSheet ?? run.workbook?.logSheet ?? null;
  if (sheet) sheet.getRange(1, 1).setNote(summary.message);
}
