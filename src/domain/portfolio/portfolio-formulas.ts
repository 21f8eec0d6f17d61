// The Portfolio tab's formulas for one account: the project's custom functions over the account tab's latest cells.

import { nextReview } from "../cadence/review-cadence";
import { nextReviewOnOrAfter } from "../cadence/review-schedule";
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { HEALTH_COMPONENTS } from "../metrics/health-score";
import type { Segment } from "../segment";
import { cellAddress, columnLetter, quoteTabName } from "../workbook/cell-address";
import { civilDateOf } from "../workbook/date-cells";
import type { ParsedAccountTab } from "../workbook/parse-account-tab";
import {
  type ACCOUNT_HEADER_KEYS,
  type ACCOUNT_OPTIONAL_KEYS,
  type COLUMNS,
  normalizeHeader,
  WELL_KNOWN_METRICS,
} from "../workbook-schema";

/** A Portfolio column (SPEC §2). */
export type PortfolioColumn = (typeof COLUMNS.portfolio)[number];

/** The Portfolio columns that hold formulas (the others are the account, and values the refresh computes). */
export const PORTFOLIO_FORMULA_COLUMNS = [
  "Owner",
  "Health score",
  "Band",
  "NRR",
  "GRR",
  "Next review",
  "Review type",
] as const satisfies readonly PortfolioColumn[];
/** One of {@link PORTFOLIO_FORMULA_COLUMNS}. */
export type PortfolioFormulaColumn = (typeof PORTFOLIO_FORMULA_COLUMNS)[number];

/** Where the formulas point outside the account tab. */
export interface PortfolioReferences {
  /** A1 of Settings' `Health weights` and `Health bands` value cells (absolute), when those rows exist. */
  healthWeightsCell: string | null;
  healthBandsCell: string | null;
  /** Settings › Default segment: the segment of an account tab without a Segment row. */
  defaultSegment: Segment;
  today: CivilDate;
  readWallClock: ReadWallClock;
}

/** The 1-based row of an account tab header key (column A, rows 1–7), or `null`. */
function keyRow(
  values: readonly CellValue[][],
  key: (typeof ACCOUNT_HEADER_KEYS)[number] | (typeof ACCOUNT_OPTIONAL_KEYS)[number],
): number | null {
  for (let index = 0; index < 7; index += 1)
    if (normalizeHeader(values[index]?.[0]) === normalizeHeader(key)) return index + 1;
  return null;
}

/**
 * The formulas of an account's Portfolio row (the Account cell itself is text). `row` is the
 * Portfolio row; `columns` the 1-based Portfolio column of each header. Each formula references
 * the account tab's cells, so the row follows new values without a refresh; the latest period
 * column is the newest one holding a health value (ARR: the newest ARR value).
 */
export function portfolioFormulas(
  tab: ParsedAccountTab,
  values: readonly CellValue[][],
  row: number,
  columns: Record<PortfolioColumn, number>,
  references: PortfolioReferences,
): Record<PortfolioFormulaColumn, string> {
  const sheet = quoteTabName(tab.tabName, "always");
  const ref = (r: number, c: number) => `${sheet}!${cellAddress(r, c)}`;
  const absolute = (r: number, c: number) => `${sheet}!$${columnLetter(c)}$${r}`;
  const find = (name: string) => tab.metrics.find((m) => normalizeHeader(m.name) === normalizeHeader(name));

  const ownerRow = keyRow(values, "Owner email");
  const goLiveRow = keyRow(values, "Go-live date");
  const startRow = keyRow(values, "Starting ARR");

  const components = HEALTH_COMPONENTS.map(find);
  const scoreRow = find(WELL_KNOWN_METRICS.healthScore);
  const healthRows = [...components, scoreRow].filter((m) => m !== undefined);
  let latest = -1;
  tab.periods.forEach((_, index) => {
    if (healthRows.some((m) => !isBlank(m.values[index]))) latest = index;
  });
  let health = "";
  if (latest >= 0 && scoreRow && !isBlank(scoreRow.values[latest]))
    health = `=${ref(scoreRow.row, scoreRow.columns[latest])}`;
  else if (latest >= 0) {
    const args = components.map((m) => (m ? ref(m.row, m.columns[latest]) : '""'));
    if (references.healthWeightsCell) args.push(references.healthWeightsCell);
    health = `=HEALTH_SCORE(${args.join(",")})`;
  }
  const scoreCell = cellAddress(row, columns["Health score"]);
  const band = references.healthBandsCell
    ? `=HEALTH_BAND(${scoreCell},${references.healthBandsCell})`
    : `=HEALTH_BAND(${scoreCell})`;

  const arr = find(WELL_KNOWN_METRICS.arr);
  let arrIndex = -1;
  arr?.values.forEach((value, index) => {
    if (!isBlank(value)) arrIndex = index;
  });
  const nrr =
    arr && arrIndex >= 0 && startRow
      ? `=IFERROR(${ref(arr.row, arr.columns[arrIndex])}/${absolute(startRow, 2)},"")`
      : "";

  let next = "";
  let type = "";
  const nextCell = cellAddress(row, columns["Next review"]);
  const segment = tab.segment ?? references.defaultSegment;
  if (tab.goLive && goLiveRow && segment === "Federal") {
    const goLive = absolute(goLiveRow, 2);
    const scheduled = nextReview(civilDateOf(tab.goLive, references.readWallClock), references.today);
    next = `=EDATE(${goLive},${scheduled.month})`;
    type = `=IFERROR(REVIEW_TYPE(${goLive},${nextCell}),"")`;
  } else if (tab.goLive && goLiveRow) {
    // Commercial: the lifecycle calendar's next review, typed by REVIEW_TYPE with the segment (and
    // the Renewal date when the tab has one), so the row never reads like a federal review.
    const goLive = absolute(goLiveRow, 2);
    const renewalRow = keyRow(values, "Renewal date");
    const planned = nextReviewOnOrAfter(
      {
        segment: "Commercial",
        goLive: civilDateOf(tab.goLive, references.readWallClock),
        renewalDate: tab.renewalDate ? civilDateOf(tab.renewalDate, references.readWallClock) : null,
      },
      references.today,
    );
    next = `=DATE(${planned.date.year},${planned.date.month},${planned.date.day})`;
    const renewal = renewalRow ? `,${absolute(renewalRow, 2)}` : "";
    type = `=IFERROR(REVIEW_TYPE(${goLive},${nextCell},"Commercial"${renewal}),"")`;
  }

  // GRR from ARR alone: the latest ARR over Starting ARR, capped at 100 % (losses net of expansion).
  const grr =
    arr && arrIndex >= 0 && startRow
      ? `=IFERROR(IF(${ref(arr.row, arr.columns[arrIndex])}>${absolute(startRow, 2)},1,${ref(arr.row, arr.columns[arrIndex])}/${absolute(startRow, 2)}),"")`
      : "";

  return {
    Owner: ownerRow ? `=${absolute(ownerRow, 2)}` : "",
    "Health score": health,
    Band: health ? band : "",
    NRR: nrr,
    GRR: grr,
    "Next review": next,
    "Review type": type,
  };
}
