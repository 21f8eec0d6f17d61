// Reads the Review Outcomes tab: one recorded outcome per agenda item of an account review.
import type { CellValue } from "../cell-value";
import { describeValue, isBlank } from "../cell-value";
import { readYesNo } from "../condition/read-yes-no";
import { COLUMNS, CPARS_AREAS, OPTIONAL_COLUMNS, TAB } from "../workbook-schema";
import type { WorkbookReadOptions } from "./date-cells";
import { readDateCell, wallClockOf } from "./date-cells";
import type { CparsArea } from "./parse-catalog";
import { cellText, matchChoice } from "./read-cells";
import { readTable } from "./read-table";
import type { WorkbookProblem } from "./workbook-problem";
import { isWorkbookProblem, listChoices, problemAt } from "./workbook-problem";

/** One outcome recorded at a review. */
export interface ReviewOutcome {
  /** 1-based sheet row. */
  row: number;
  account: string;
  reviewDate: Date;
  reviewType: string;
  attendees: string;
  agendaItem: string;
  outcome: string;
  decision: string;
  actionOwner: string;
  actionDue: Date | null;
  cparsArea: CparsArea | null;
  /** `Action done`: the day it was done (or `true` for Yes); `null` while open (blank or column absent). */
  actionDone: Date | true | null;
}

/** The Review Outcomes tab as read. */
export interface ParsedReviewOutcomes {
  tabName: string;
  /** 1-based sheet column of each outcomes column. */
  columns: Record<(typeof COLUMNS.reviewOutcomes)[number], number>;
  outcomes: ReviewOutcome[];
  /** Rows left out (no account or no review date) and cells read as blank. */
  problems: WorkbookProblem[];
}

/**
 * Reads the Review Outcomes tab (`values` from `getValues()`, header row first). A row without an
 * account or a readable review date cannot be placed in a review and is reported and left out; an
 * unreadable Action due or CPARS area is reported and read as blank.
 */
export function parseReviewOutcomes(
  values: readonly CellValue[][],
  options?: WorkbookReadOptions,
): ParsedReviewOutcomes | WorkbookProblem {
  const tabName = TAB.reviewOutcomes;
  const readWallClock = wallClockOf(options);
  const table = readTable(tabName, values, COLUMNS.reviewOutcomes, OPTIONAL_COLUMNS.reviewOutcomes);
  if (isWorkbookProblem(table)) return table;
  const outcomes: ReviewOutcome[] = [];
  const problems: WorkbookProblem[] = [];

  for (const tableRow of table.rows) {
    const report = (text: string) => problems.push(problemAt(tabName, tableRow.row, text));
    const account = cellText(tableRow.value("Account"));
    const reviewDateCell = tableRow.value("Review date");
    const reviewDate = readDateCell(reviewDateCell, readWallClock);
    const faults: string[] = [];
    if (account === "") faults.push(`${tableRow.address("Account")} has no account`);
    if (!reviewDate)
      faults.push(
        `Review date ${describeValue(reviewDateCell)} in ${tableRow.address("Review date")} is not a date`,
      );
    if (faults.length > 0 || !reviewDate) {
      report(`${faults.join("; ")}; the outcome is left out of reviews`);
      continue;
    }
    const dueCell = tableRow.value("Action due");
    const actionDue = readDateCell(dueCell, readWallClock);
    if (actionDue === undefined)
      report(
        `Action due ${describeValue(dueCell)} in ${tableRow.address("Action due")} is not a date; read as blank`,
      );
    const cparsCell = tableRow.value("CPARS area");
    const cparsArea = matchChoice(cparsCell, CPARS_AREAS) ?? null;
    if (cparsArea === null && !isBlank(cparsCell))
      report(
        `CPARS area ${describeValue(cparsCell)} in ${tableRow.address("CPARS area")} is not one of ` +
          `${listChoices(CPARS_AREAS)}; read as blank`,
      );
    const doneCell = tableRow.value("Action done");
    const doneDate = isBlank(doneCell) ? null : readDateCell(doneCell, readWallClock);
    const doneYes = doneDate ? undefined : readYesNo(doneCell);
    const actionDone: Date | true | null = doneDate ?? (doneYes === true ? true : null);
    if (!isBlank(doneCell) && !doneDate && doneYes === undefined)
      report(
        `Action done ${describeValue(doneCell)} in ${tableRow.address("Action done")} must be the day it was done ` +
          "(or Yes); the action is read as open",
      );
    outcomes.push({
      row: tableRow.row,
      account,
      reviewDate,
      reviewType: cellText(tableRow.value("Review type")),
      attendees: cellText(tableRow.value("Attendees")),
      agendaItem: cellText(tableRow.value("Agenda item")),
      outcome: cellText(tableRow.value("Outcome")),
      decision: cellText(tableRow.value("Decision")),
      actionOwner: cellText(tableRow.value("Action owner")),
      actionDue: actionDue ?? null,
      cparsArea,
      actionDone,
    });
  }
  return { tabName, columns: table.columns, outcomes, problems };
}
