// generateReviewTab: creates or refreshes `Review FY27 Q1 · <Account>` (and a federal account's `CO Report FY27 Q1 · <Account>`), keeping the user's notes.

import type { FiscalQuarter } from "../../domain/calendar/fiscal-quarter";
import { fiscalQuarterOf, parseQuarterLabel } from "../../domain/calendar/fiscal-quarter";
import { describeValue, isBlank } from "../../domain/cell-value";
import { countOf } from "../../domain/plural";
import { buildReviewDocuments } from "../../domain/review/build-review-document";
import { readReviewNotes } from "../../domain/review/read-review-notes";
import type { ReviewDocument } from "../../domain/review/review-document";
import { layoutReview } from "../../domain/review/review-grid";
import { uniqueCoReportTabName, uniqueReviewTabName } from "../../domain/review/review-tab-name";
import { normalizeHeader } from "../../domain/workbook-schema";
import { type AuditEntry, recordAudit } from "../platform/audit-log";
import { withDocumentLock } from "../platform/document-lock";
import type { FoundReviewTab } from "./find-review-tabs";
import { indexReviewTabs, reviewKey } from "./find-review-tabs";
import type { AccountTabRead, ReviewWorkbook } from "./read-review-workbook";
import { readReviewWorkbook } from "./read-review-workbook";
import { writeReviewTab } from "./write-review-tab";

const SOURCE = "generateReviewTab";

/** What one written tab did. */
export interface WrittenTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  tabName: string;
  created: boolean;
  /** Notes carried over from the previous version. */
  notesKept: number;
}

/** What one account's review did: its review tab and, for a federal account, its CO report tab. */
export interface GeneratedReview extends WrittenTab {
  coReport: WrittenTab | null;
}

/** True for the "every account" choice: `all`, `All accounts`, `*`. */
export function meansAllAccounts(account: unknown): boolean {
  if (typeof account !== "string") return false;
  const key = normalizeHeader(account);
  return key === "all" || key === "allaccounts" || key === "*";
}

/** The quarter asked for, or the current one (Settings' fiscal year) when blank. */
export function quarterOf(quarter: unknown, workbook: ReviewWorkbook): FiscalQuarter {
  if (isBlank(quarter)) return fiscalQuarterOf(workbook.today, workbook.settings.fiscalYearStartMonth);
  return parseQuarterLabel(quarter, SOURCE);
}

/** The account tabs `account` names (account name or tab name, case- and space-insensitive). */
function pickAccounts(account: unknown, workbook: ReviewWorkbook): AccountTabRead[] {
  if (meansAllAccounts(account)) {
    if (workbook.accounts.length === 0)
      throw new Error(
        `${SOURCE}: no account tabs found (a tab whose A1 is "Account"); add one or run Setup workbook`,
      );
    return workbook.accounts;
  }
  if (typeof account !== "string" || isBlank(account))
    throw new Error(`${SOURCE}: account must be an account name or "all", got ${describeValue(account)}`);
  const key = normalizeHeader(account);
  const match =
    workbook.accounts.find((a) => normalizeHeader(a.parsed.account) === key) ??
    workbook.accounts.find((a) => normalizeHeader(a.sheet.getName()) === key);
  if (match) return [match];
  const broken = workbook.unreadableAccounts.find((a) => normalizeHeader(a.sheet.getName()) === key);
  if (broken)
    throw new Error(
      `${SOURCE}: the account tab "${broken.sheet.getName()}" cannot be read: ${broken.problem.reason}`,
    );
  const known = workbook.accounts.map((a) => JSON.stringify(a.parsed.account)).join(", ");
  throw new Error(
    `${SOURCE}: no account named ${JSON.stringify(account.trim())}; known accounts: ${known || "none"} (or "all")`,
  );
}

/** The Audit Log entries of one generated review and its CO report (evidence of every menu write, SPEC §2). */
function auditEntries(generated: GeneratedReview, quarterLabel: string): AuditEntry[] {
  const entry = (tab: WrittenTab, what: string): AuditEntry => ({
    action: "Generate review tab",
    where: tab.tabName,
    before: tab.created ? "" : `previous ${quarterLabel} ${what}`,
    after: tab.created ? "created" : `refreshed; ${countOf(tab.notesKept, "note")} kept`,
  });
  return [
    entry(generated, "review"),
    ...(generated.coReport ? [entry(generated.coReport, "CO report")] : []),
  ];
}

/**
 * Writes `document` to its tab (found by the marker in row 1, so a renamed tab is still found) or to a
 * new one named by `nameTab`, keeping the notes the user typed in the Notes column.
 */
function writeDocument(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  document: ReviewDocument,
  existing: Map<string, FoundReviewTab>,
  nameTab: (quarterLabel: string, account: string, taken: readonly string[]) => string,
  readWallClock: ReviewWorkbook["readWallClock"],
): WrittenTab {
  const key = reviewKey(document.account, document.quarterLabel, document.kind);
  const found = existing.get(key);
  const notes = found ? readReviewNotes(found.values).notes : new Map<string, string>();
  const grid = layoutReview(document, notes);
  let sheet = found?.sheet;
  if (!sheet) {
    const taken = spreadsheet.getSheets().map((s) => s.getName());
    sheet = spreadsheet.insertSheet(nameTab(document.quarterLabel, document.account, taken), taken.length);
    existing.set(key, { sheet, values: [] });
  }
  writeReviewTab(sheet, grid, readWallClock);
  return { sheet, tabName: sheet.getName(), created: !found, notesKept: notes.size };
}

/** Builds, lays out and writes one account's review; finds its existing tab or makes a new one. */
function generateOne(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  workbook: ReviewWorkbook,
  account: AccountTabRead,
  quarter: FiscalQuarter,
  existing: Map<string, FoundReviewTab>,
): GeneratedReview {
  const numberFormats = account.sheet.getDataRange().getNumberFormats();
  const { review, coReport } = buildReviewDocuments({
    account: account.parsed,
    numberFormats,
    catalog: workbook.catalog,
    rules: workbook.rules,
    escalations: workbook.escalations,
    outcomes: workbook.outcomes,
    incidents: workbook.incidents,
    now: new Date(),
    settings: workbook.settings,
    quarter,
    today: workbook.today,
    readWallClock: workbook.readWallClock,
    timeZone: workbook.timeZone,
    workbookProblems: [
      ...workbook.problems,
      ...account.parsed.warnings.map((warning) => `${account.parsed.tabName} ${warning}`),
    ],
  });
  const written = writeDocument(spreadsheet, review, existing, uniqueReviewTabName, workbook.readWallClock);
  return {
    ...written,
    coReport: coReport
      ? writeDocument(spreadsheet, coReport, existing, uniqueCoReportTabName, workbook.readWallClock)
      : null,
  };
}

/**
 * Creates or refreshes the review tab of `account` (a name, or `all`) for `quarter` (`FY27 Q1`;
 * blank = the current quarter). Returns what each tab did and shows the first. Holds the document
 * lock (`platform/document-lock`) so a review and a scan or a save never write at once.
 */
export function generateReviewTabs(account: unknown, quarter: unknown): GeneratedReview[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error(`${SOURCE}: no spreadsheet is open`);
  return withDocumentLock({ kind: "review", action: SOURCE }, () => {
    const workbook = readReviewWorkbook(spreadsheet);
    const fiscalQuarter = quarterOf(quarter, workbook);
    const accounts = pickAccounts(account, workbook);
    const existing = indexReviewTabs(workbook.otherSheets);
    const generated = accounts.map((picked) =>
      generateOne(spreadsheet, workbook, picked, fiscalQuarter, existing),
    );
    // The tabs are written; an Audit Log that cannot take the rows must not undo them.
    recordAudit(
      spreadsheet.getSpreadsheetTimeZone(),
      generated.flatMap((result) => auditEntries(result, fiscalQuarter.label)),
    );
    generated[0]?.sheet.activate();
    return generated;
  });
}

/**
 * {@link generateReviewTabs}, answered as the `generateReviewTab` entry point does: the tab's name, or
 * every tab's name in order when `account` means all accounts.
 */
export function generateReviewTabNames(account: unknown, quarter: unknown): string | string[] {
  const names = generateReviewTabs(account, quarter).map((review) => review.tabName);
  return meansAllAccounts(account) ? names : names[0];
}
