// The server side of every menu command, sidebar and dialog call, loaded on demand by src/index.ts (see src/gas/server-modules.ts).
import { checkConditionText } from "./domain/forms/condition-check";
import { installDailyScanTrigger, removeDailyScanTrigger } from "./gas/daily-scan-trigger";
import { generateReviewTabs, meansAllAccounts } from "./gas/review/generate-review-tab";
import {
  showReviewDialog as openReviewDialog,
  reviewDialogOptions as reviewDialogChoices,
} from "./gas/review/review-dialog";
import { runScanJob } from "./gas/run-scan";
import { alertIfInteractive, scanAlertText } from "./gas/scan-alert";
import { runScheduledScan } from "./gas/scheduled-scan";
import { setupWorkbook as runSetupWorkbook } from "./gas/setup/setup-workbook";
import {
  listEscalations as listEscalationsOf,
  updateEscalation as updateEscalationRow,
} from "./gas/sidebar/escalations";
import { loadKpiDefinition as loadKpi, saveKpiDefinition as saveKpi } from "./gas/sidebar/kpi-definition";
import {
  loadReviewForm as loadReview,
  saveReviewOutcomes as saveReview,
} from "./gas/sidebar/review-outcomes";
import { openSidebar } from "./gas/sidebar/show-sidebar";
import { readSidebarState } from "./gas/sidebar/sidebar-state";
import { loadValuesForm as loadValues, saveValues as saveValueForm } from "./gas/sidebar/values-entry";

/** Opens the KPI Steward sidebar: contract KPIs, values, review outcomes, escalations. */
export function showSidebar() {
  openSidebar();
}

/**
 * Creates the missing KPI Steward tabs from a template; never touches an existing tab.
 * @param {string} template "federal" (default) or "saas".
 */
export function setupWorkbook(template?: string) {
  return runSetupWorkbook(template);
}

/** Scans every account tab now: highlights, Escalation Log, digest emails. Returns the run summary. */
export function runScan() {
  const summary = runScanJob({ mode: "run" });
  alertIfInteractive("KPI Steward: Scan now", scanAlertText(summary));
  return summary;
}

/** Shows what a scan would flag and whom it would email, changing and sending nothing. */
export function previewScan() {
  const summary = runScanJob({ mode: "preview" });
  alertIfInteractive("KPI Steward: Preview scan", scanAlertText(summary));
  return summary;
}

/**
 * The daily trigger's handler.
 * @param {Object} e The time-driven trigger event.
 */
export function scheduledScan(e?: unknown) {
  void e;
  return runScheduledScan();
}

/** Installs the one daily scan trigger at the Settings' scan hour (never a second one). */
export function installDailyScan() {
  const status = installDailyScanTrigger();
  alertIfInteractive("KPI Steward: Install daily scan", status.message);
  return status;
}

/** Removes the daily scan trigger. */
export function removeDailyScan() {
  const status = removeDailyScanTrigger();
  alertIfInteractive("KPI Steward: Remove daily scan", status.message);
  return status;
}

/**
 * Creates or refreshes the quarterly review tab of an account (`Review FY27 Q1 · <Account>`), keeping the
 * Notes column. With "all", one tab per account and the list of tab names is returned.
 * @param {string} account The account name (or "all").
 * @param {string} quarter A quarter label such as "FY27 Q1" (blank: the current quarter).
 * @return {string|Array<string>} The tab name, or the tab names for "all".
 */
export function generateReviewTab(account: string, quarter: string) {
  const generated = generateReviewTabs(account, quarter);
  const names = generated.map((review) => review.tabName);
  return meansAllAccounts(account) ? names : names[0];
}

/** Opens the dialog that picks an account and a quarter for a review tab. */
export function showReviewDialog() {
  openReviewDialog();
}

// ---- Review dialog server calls ----

/**
 * The review dialog's choices: account names, quarter labels (newest first) and the default quarter.
 * @return {Object} `{accounts, quarters, defaultQuarter, fiscalYearStarts, unreadable}`, all plain strings.
 */
export function reviewDialogOptions() {
  return reviewDialogChoices();
}

// ---- Sidebar server calls ----
// Called from the sidebar through google.script.run: plain JSON in and out, dates as ISO strings.

/** Sidebar: accounts, the active account tab, catalog metrics and today. */
export function sidebarState() {
  return readSidebarState();
}

/**
 * Sidebar: whether a condition reads, the parser's message pointing at the word, and what it means.
 * @param {string} text The condition as typed, e.g. "below 40% for 2 consecutive periods".
 */
export function checkCondition(text: unknown) {
  return checkConditionText(text);
}

/**
 * Sidebar: the KPI Catalog row and Escalation Rules of a metric, as the Contract KPIs form.
 * @param {string} metric The metric's name.
 */
export function loadKpiDefinition(metric: unknown) {
  return loadKpi(metric);
}

/**
 * Sidebar: saves a KPI Catalog row and its Escalation Rules (validated again here).
 * @param {Object} form The Contract KPIs form.
 */
export function saveKpiDefinition(form: unknown) {
  return saveKpi(form);
}

/**
 * Sidebar: one period of an account tab's metrics.
 * @param {Object} request {account, periodIso} with periodIso the first day of the month.
 */
export function loadValuesForm(request: unknown) {
  return loadValues(request);
}

/**
 * Sidebar: writes the values that changed, adding the period's column when missing.
 * @param {Object} form The Enter values form.
 */
export function saveValues(form: unknown) {
  return saveValueForm(form);
}

/**
 * Sidebar: the review type of the cadence for a date and every type's agenda.
 * @param {Object} request {account, reviewDateIso}.
 */
export function loadReviewForm(request: unknown) {
  return loadReview(request);
}

/**
 * Sidebar: appends one Review Outcomes row per agenda item with an outcome.
 * @param {Object} form The Review outcomes form.
 */
export function saveReviewOutcomes(form: unknown) {
  return saveReview(form);
}

/**
 * Sidebar: the account's open, acknowledged and snoozed escalations.
 * @param {Object} request {account}.
 */
export function listEscalations(request: unknown) {
  return listEscalationsOf(request);
}

/**
 * Sidebar: acknowledges, snoozes or resolves one escalation, with a note.
 * @param {Object} form {account, id, expectedStatus, action, snoozeUntilIso, note}.
 */
export function updateEscalation(form: unknown) {
  return updateEscalationRow(form);
}
