// The only file that defines what Apps Script sees as global functions; every export becomes a top-level stub.

import { checkConditionText } from "./domain/forms/condition-check";
import { fiscalQuarterFunction, reviewTypeFunction } from "./functions/calendar-functions";
import { expansionReadyFunction } from "./functions/expansion-ready-function";
import { healthBandFunction, healthScoreFunction } from "./functions/health-functions";
import { npsFunction } from "./functions/nps-function";
import { grr, nrr } from "./functions/retention-functions";
import { thresholdStatusFunction } from "./functions/threshold-status-function";
import { cacPayback, clv } from "./functions/unit-economics-functions";
import * as menuCommands from "./gas/menu-commands";
import { openMenu } from "./gas/open-menu";
import { spreadsheetWallClock } from "./gas/platform/wall-clock";
import { generateReviewTabNames } from "./gas/review/generate-review-tab";
import * as reviewDialog from "./gas/review/review-dialog";
import { runScheduledScan } from "./gas/scheduled-scan";
import { settingsTabValues } from "./gas/settings-tab-values";
import * as setup from "./gas/setup/setup-workbook";
import * as escalations from "./gas/sidebar/escalations";
import * as incidentsEntry from "./gas/sidebar/incidents-entry";
import * as kpiDefinition from "./gas/sidebar/kpi-definition";
import * as reviewOutcomes from "./gas/sidebar/review-outcomes";
import { openSidebar } from "./gas/sidebar/show-sidebar";
import { readSidebarState } from "./gas/sidebar/sidebar-state";
import * as valuesEntry from "./gas/sidebar/values-entry";

// ---- Custom functions (SPEC §3) ----

/**
 * Net revenue retention as a fraction: (starting ARR + expansion − downgrades − churn) / starting ARR.
 * Format the cell as a percent. Accepts single cells or same-sized ranges (one formula fills a column).
 * @param {number|Array<Array<number>>} starting_arr ARR at the start of the period (positive).
 * @param {number|Array<Array<number>>} expansion ARR added by expansion (blank = 0).
 * @param {number|Array<Array<number>>} downgrades ARR lost to downgrades (blank = 0).
 * @param {number|Array<Array<number>>} churn ARR lost to churn (blank = 0).
 * @return {number|Array<Array<number>>} NRR, e.g. 1.12 for 112 %; blank when starting ARR is blank.
 * @customfunction
 */
export function NRR(starting_arr: unknown, expansion: unknown, downgrades: unknown, churn: unknown) {
  return nrr(starting_arr, expansion, downgrades, churn);
}

/**
 * Gross revenue retention as a fraction: (starting ARR − downgrades − churn) / starting ARR, never above 1.
 * @param {number|Array<Array<number>>} starting_arr ARR at the start of the period (positive).
 * @param {number|Array<Array<number>>} downgrades ARR lost to downgrades (blank = 0).
 * @param {number|Array<Array<number>>} churn ARR lost to churn (blank = 0).
 * @return {number|Array<Array<number>>} GRR, e.g. 0.95 for 95 %.
 * @customfunction
 */
export function GRR(starting_arr: unknown, downgrades: unknown, churn: unknown) {
  return grr(starting_arr, downgrades, churn);
}

/**
 * Customer lifetime value: (average revenue per customer × gross margin) / churn rate.
 * @param {number|Array<Array<number>>} avg_revenue Average revenue per customer per period.
 * @param {number|Array<Array<number>>} gross_margin Gross margin as a fraction (80% is 0.8).
 * @param {number|Array<Array<number>>} churn_rate Churn rate per period as a fraction (5% is 0.05).
 * @return {number|Array<Array<number>>} Lifetime value in the currency of avg_revenue.
 * @customfunction
 */
export function CLV(avg_revenue: unknown, gross_margin: unknown, churn_rate: unknown) {
  return clv(avg_revenue, gross_margin, churn_rate);
}

/**
 * Months to recover customer acquisition cost: CAC / (MRR × gross margin).
 * @param {number|Array<Array<number>>} cac Customer acquisition cost.
 * @param {number|Array<Array<number>>} mrr Monthly recurring revenue of the customer (positive).
 * @param {number|Array<Array<number>>} gross_margin Gross margin as a fraction (80% is 0.8).
 * @return {number|Array<Array<number>>} Payback in months.
 * @customfunction
 */
export function CAC_PAYBACK(cac: unknown, mrr: unknown, gross_margin: unknown) {
  return cacPayback(cac, mrr, gross_margin);
}

/**
 * Weighted 0–100 health score: usage 40 %, outcomes 25 %, relationship 20 %, growth 15 % by default.
 * Blank components are left out and the other weights re-normalised.
 * @param {number|Array<Array<number>>} usage Product usage score 0–100.
 * @param {number|Array<Array<number>>} outcomes Business outcomes score 0–100.
 * @param {number|Array<Array<number>>} relationship Relationship quality score 0–100.
 * @param {number|Array<Array<number>>} growth Account growth score 0–100.
 * @param {string|Array<Array<number>>} [weights] "40/25/20/15" or a 4-cell range.
 * @return {number|Array<Array<number>>} The health score 0–100; blank when every component is blank.
 * @customfunction
 */
export function HEALTH_SCORE(
  usage: unknown,
  outcomes: unknown,
  relationship: unknown,
  growth: unknown,
  weights?: unknown,
) {
  return healthScoreFunction(usage, outcomes, relationship, growth, weights);
}

/**
 * Health band of a score: Excellent (90+), Good (70+), At Risk (50+), Critical; with "90/70" Green/Yellow/Red.
 * @param {number|Array<Array<number>>} score Health score 0–100.
 * @param {string} [bands] Cut-offs, "90/70/50" (default, four bands) or "90/70" (three bands).
 * @return {string|Array<Array<string>>} The band name.
 * @customfunction
 */
export function HEALTH_BAND(score: unknown, bands?: unknown) {
  return healthBandFunction(score, bands);
}

/**
 * Status of each metric row against a rule list: the label of the last matching clause, or OK. Each row of
 * values is one metric's periods, oldest to newest; change and streak conditions look back along the row.
 * @param {Array<Array<number>>} values Period values, one metric per row.
 * @param {string|Array<Array<string>>} rules e.g. "below 40%: Training conversation; below 25%: At-risk escalation".
 * @param {string|Array<Array<string>>} [target] The metric's target, e.g. "at least 99.9%", for "misses target".
 * @return {string|Array<Array<string>>} One status per row.
 * @customfunction
 */
export function THRESHOLD_STATUS(values: unknown, rules: unknown, target?: unknown) {
  return thresholdStatusFunction(values, rules, target, spreadsheetWallClock());
}

/**
 * Net Promoter Score from 0–10 answers: % promoters (9–10) − % detractors (0–6).
 * @param {Array<Array<number>>} responses The survey answers; blanks are ignored.
 * @return {number} NPS from −100 to 100.
 * @customfunction
 */
export function NPS(responses: unknown) {
  return npsFunction(responses);
}

/**
 * Expansion readiness (seed 004): Ready, or Not ready with each failed trigger.
 * @param {number|Array<Array<number>>} days_since_go_live Days since go-live (needs 90+).
 * @param {number|Array<Array<number>>} adoption Share of provisioned users active in 30 days (needs 60%+).
 * @param {number|Array<Array<number>>} open_p1_p2 Open P1/P2 tickets (needs 0).
 * @param {number|Array<Array<number>>} past_due_poam POA&M items past due (needs 0).
 * @param {boolean|string|Array<Array<string>>} isso_confirmed ISSO confirmed posture in writing (Yes/No).
 * @param {boolean|string|Array<Array<string>>} interest_signal PM or ISSO asked about more capabilities (Yes/No).
 * @return {string|Array<Array<string>>} "Ready" or "Not ready: ...".
 * @customfunction
 */
export function EXPANSION_READY(
  days_since_go_live: unknown,
  adoption: unknown,
  open_p1_p2: unknown,
  past_due_poam: unknown,
  isso_confirmed: unknown,
  interest_signal: unknown,
) {
  return expansionReadyFunction(
    days_since_go_live,
    adoption,
    open_p1_p2,
    past_due_poam,
    isso_confirmed,
    interest_signal,
  );
}

/**
 * The review a review date counts as. Federal (default): Go-live review, Q1 outcome review, Mid-year
 * review + ISSO security check, Q3 outcome review + renewal prep, Annual review + option year
 * exercise, then yearly for option years. Commercial: 30-, 60- and 90-day onboarding check-ins,
 * Quarterly business review, and Renewal review 90 days before the renewal date.
 * @param {Date|Array<Array<Date>>} go_live_date The account's go-live date.
 * @param {Date|Array<Array<Date>>} review_date The date of the review.
 * @param {string|Array<Array<string>>} [segment] "Federal" (default) or "Commercial".
 * @param {Date|Array<Array<Date>>} [renewal_date] Commercial: the next renewal date; default: the
 *     anniversaries of go-live. Not used for federal accounts.
 * @return {string|Array<Array<string>>} The review type; "Pre-go-live" before go-live.
 * @customfunction
 */
export function REVIEW_TYPE(
  go_live_date: unknown,
  review_date: unknown,
  segment?: unknown,
  renewal_date?: unknown,
) {
  return reviewTypeFunction(go_live_date, review_date, segment, renewal_date, spreadsheetWallClock());
}

/**
 * Fiscal quarter label of a date, e.g. FY27 Q1 for 2026-10-15 with an October start. The fiscal year is
 * named after the calendar year in which it ends.
 * @param {Date|Array<Array<Date>>} date The date.
 * @param {number|string} [fy_start_month] First month of the fiscal year: 10 or "October". Default: the
 *     workbook's Settings › Fiscal year starts, else January.
 * @return {string|Array<Array<string>>} The quarter label.
 * @customfunction
 */
export function FISCAL_QUARTER(date: unknown, fy_start_month?: unknown) {
  return fiscalQuarterFunction(date, fy_start_month, spreadsheetWallClock(), settingsTabValues);
}

// ---- Menu and add-on lifecycle (SPEC §7) ----

/**
 * Builds the KPI Steward menu. Runs in AuthMode.NONE or LIMITED, so it touches nothing but the menu.
 * @param {Object} e The open event.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen) {
  openMenu(e);
}

/**
 * Runs when the add-on is installed: builds the menu at once.
 * @param {Object} e The install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  openMenu(e);
}

// ---- Menu commands and dialogs (SPEC §4–6) ----

/** Opens the KPI Steward sidebar: contract KPIs, values, review outcomes, escalations. */
export function showSidebar() {
  openSidebar();
}

/**
 * Creates the missing KPI Steward tabs from a template; never touches an existing tab.
 * @param {string} template "federal" (default) or "saas".
 */
export function setupWorkbook(template?: string) {
  return setup.setupWorkbook(template);
}

/** Scans every account tab now: highlights, Escalation Log, digest emails. Returns the run summary. */
export function runScan() {
  return menuCommands.runScanFromMenu();
}

/** Shows what a scan would flag and whom it would email, changing and sending nothing. */
export function previewScan() {
  return menuCommands.previewScanFromMenu();
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
  return menuCommands.installDailyScanFromMenu();
}

/** Removes the daily scan trigger. */
export function removeDailyScan() {
  return menuCommands.removeDailyScanFromMenu();
}

/**
 * Creates or refreshes the quarterly review tab of an account (`Review FY27 Q1 · <Account>`), keeping the
 * Notes column. With "all", one tab per account and the list of tab names is returned.
 * @param {string} account The account name (or "all").
 * @param {string} quarter A quarter label such as "FY27 Q1" (blank: the current quarter).
 * @return {string|Array<string>} The tab name, or the tab names for "all".
 */
export function generateReviewTab(account: string, quarter: string) {
  return generateReviewTabNames(account, quarter);
}

/** Opens the dialog that picks an account and a quarter for a review tab. */
export function showReviewDialog() {
  reviewDialog.showReviewDialog();
}

// ---- Review dialog server calls ----

/**
 * The review dialog's choices: account names, quarter labels (newest first) and the default quarter.
 * @return {Object} `{accounts, quarters, defaultQuarter, fiscalYearStarts, unreadable}`, all plain strings.
 */
export function reviewDialogOptions() {
  return reviewDialog.reviewDialogOptions();
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
  return kpiDefinition.loadKpiDefinition(metric);
}

/**
 * Sidebar: saves a KPI Catalog row and its Escalation Rules (validated again here).
 * @param {Object} form The Contract KPIs form.
 */
export function saveKpiDefinition(form: unknown) {
  return kpiDefinition.saveKpiDefinition(form);
}

/**
 * Sidebar: one period of an account tab's metrics.
 * @param {Object} request {account, periodIso} with periodIso the first day of the month.
 */
export function loadValuesForm(request: unknown) {
  return valuesEntry.loadValuesForm(request);
}

/**
 * Sidebar: writes the values that changed, adding the period's column when missing.
 * @param {Object} form The Enter values form.
 */
export function saveValues(form: unknown) {
  return valuesEntry.saveValues(form);
}

/**
 * Sidebar: the account's incidents on the Incidents tab, open ones first.
 * @param {Object} request {account}.
 */
export function loadIncidents(request: unknown) {
  return incidentsEntry.loadIncidents(request);
}

/**
 * Sidebar: logs an incident on the Incidents tab, or updates one (resolved, root cause report).
 * @param {Object} form The incident form.
 */
export function saveIncident(form: unknown) {
  return incidentsEntry.saveIncident(form);
}

/**
 * Sidebar: the review type of the cadence for a date and every type's agenda.
 * @param {Object} request {account, reviewDateIso}.
 */
export function loadReviewForm(request: unknown) {
  return reviewOutcomes.loadReviewForm(request);
}

/**
 * Sidebar: appends one Review Outcomes row per agenda item with an outcome.
 * @param {Object} form The Review outcomes form.
 */
export function saveReviewOutcomes(form: unknown) {
  return reviewOutcomes.saveReviewOutcomes(form);
}

/**
 * Sidebar: the account's open, acknowledged and snoozed escalations.
 * @param {Object} request {account}.
 */
export function listEscalations(request: unknown) {
  return escalations.listEscalations(request);
}

/**
 * Sidebar: acknowledges, snoozes or resolves one escalation, with a note.
 * @param {Object} form {account, id, expectedStatus, action, snoozeUntilIso, note}.
 */
export function updateEscalation(form: unknown) {
  return escalations.updateEscalation(form);
}
