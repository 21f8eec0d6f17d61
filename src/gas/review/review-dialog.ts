// The "Generate review tab…" dialog: opens it, and answers its calls for the account and quarter choices.

import { monthName } from "../../domain/calendar/month-names";
import { quarterChoices } from "../../domain/review/quarter-choices";
import { readReviewWorkbook } from "./read-review-workbook";

/** What the dialog offers, as plain strings (nothing else crosses google.script.run safely). */
export interface ReviewDialogOptions {
  /** Account names, in tab order. */
  accounts: string[];
  /** Quarter labels, newest first. */
  quarters: string[];
  defaultQuarter: string;
  /** e.g. `October`. */
  fiscalYearStarts: string;
  /** Tabs that look like account tabs but cannot be read, with why (shown under the pickers). */
  unreadable: string[];
}

/** The dialog's width and height in pixels. */
const DIALOG_SIZE = { width: 460, height: 340 };

/** Opens the modal dialog built from build/review-dialog.html. */
export function showReviewDialog(): void {
  const output = HtmlService.createHtmlOutputFromFile("review-dialog")
    .setWidth(DIALOG_SIZE.width)
    .setHeight(DIALOG_SIZE.height);
  SpreadsheetApp.getUi().showModalDialog(output, "Generate review tab");
}

/** The accounts and quarters to pick from (server call of the dialog). */
export function reviewDialogOptions(): ReviewDialogOptions {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error("reviewDialogOptions: no spreadsheet is open");
  const workbook = readReviewWorkbook(spreadsheet);
  const months = workbook.accounts.flatMap((account) => account.parsed.periods.map((period) => period.month));
  const choices = quarterChoices(months, workbook.today, workbook.settings.fiscalYearStartMonth);
  return {
    accounts: workbook.accounts.map((account) => account.parsed.account),
    quarters: choices.quarters,
    defaultQuarter: choices.defaultQuarter,
    fiscalYearStarts: monthName(workbook.settings.fiscalYearStartMonth),
    unreadable: workbook.unreadableAccounts.map(({ problem }) => problem.message),
  };
}
