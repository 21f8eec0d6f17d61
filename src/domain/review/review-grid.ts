// Lays a review document out as the rectangular blocks one batched write needs: values, formats, colours, weights, wraps.
import type { CivilDate } from "../civil-date";
import { toneColor } from "../severity-colors";
import type { ReviewCell, ReviewDocument, ReviewDocumentKind, ReviewRow } from "./review-document";
import {
  cell,
  label,
  NOTES_HEADER,
  REVIEW_COLUMN_WIDTHS,
  REVIEW_CONTENT_COLUMNS,
  REVIEW_FROZEN_ROWS,
  splitLines,
} from "./review-document";

/** A value to write: text, a number, or a calendar day (the adapter turns it into a date cell). */
export type GridValue = string | number | CivilDate;

/** The tab as blocks of the same shape (rows × {@link REVIEW_GRID_WIDTH}), ready for one call each. */
export interface ReviewGrid {
  values: GridValue[][];
  numberFormats: string[][];
  /** `null` for no fill. */
  backgrounds: (string | null)[][];
  fontWeights: ("bold" | "normal")[][];
  fontColors: string[][];
  wraps: boolean[][];
  horizontalAlignments: ("left" | "center" | "right")[][];
  /** Pixel width of each column. */
  columnWidths: number[];
  /**
   * Pixel height of each row, from the lines its wrapped text needs (Sheets grows wrapped rows by
   * itself, but an exported .xlsx printed elsewhere does not, so the heights are set explicitly).
   */
  rowHeights: number[];
  frozenRows: number;
  /** 1-based column of the notes (the last visible column). */
  notesColumn: number;
  /** 1-based column of the row keys (hidden). */
  keyColumn: number;
  /** Notes whose row no longer exists, kept in a closing section (so no note is ever lost). */
  keptNotes: number;
}

/** Columns written: the content columns, Notes, and the hidden key column. */
export const REVIEW_GRID_WIDTH = REVIEW_CONTENT_COLUMNS + 2;
/** 1-based column of the notes. */
export const REVIEW_NOTES_COLUMN = REVIEW_CONTENT_COLUMNS + 1;
/** 1-based column of the row keys. */
export const REVIEW_KEY_COLUMN = REVIEW_CONTENT_COLUMNS + 2;

const MARKER_PREFIX: Record<ReviewDocumentKind, string> = {
  review: "KPI Steward review",
  "co-report": "KPI Steward CO report",
};

/** What the key cell of row 1 holds, so a refresh finds the tab of an account, quarter and kind. */
export function reviewTabMarker(
  account: string,
  quarterLabel: string,
  kind: ReviewDocumentKind = "review",
): string {
  return `${MARKER_PREFIX[kind]} | ${quarterLabel} | ${account}`;
}

/** Reads a row-1 marker back: the account, quarter and kind of document a tab holds, or `null`. */
export function readReviewTabMarker(
  text: unknown,
): { account: string; quarterLabel: string; kind: ReviewDocumentKind } | null {
  if (typeof text !== "string") return null;
  const parts = text.split(" | ");
  const kind = (Object.keys(MARKER_PREFIX) as ReviewDocumentKind[]).find(
    (k) => parts[0] === MARKER_PREFIX[k],
  );
  if (!kind || parts.length < 3) return null;
  return { quarterLabel: parts[1], account: parts.slice(2).join(" | "), kind };
}

const STYLE = {
  headingFill: "#cfe2f3",
  columnsFill: "#f3f3f3",
  text: "#000000",
  remark: "#595959",
  key: "#999999",
};

const NUMBER_FORMATS: Partial<Record<ReviewCell["kind"], string>> = {
  number: "#,##0",
  percent: "0.0%",
  date: "mmm d, yyyy",
  month: "mmm yyyy",
};

function isNumeric(kind: ReviewCell["kind"]): boolean {
  return kind === "number" || kind === "percent" || kind === "date" || kind === "month";
}

/** Status words and dates are centred in their columns, other numbers right, text left. */
function defaultAlignment(kind: ReviewCell["kind"]): "left" | "center" | "right" {
  if (kind === "status" || kind === "date" || kind === "month") return "center";
  return kind === "number" || kind === "percent" ? "right" : "left";
}

/** Describes a row key for the kept-notes section: `contract|system uptime` → `contract › system uptime`. */
function describeKey(key: string): string {
  return key.replace(/\|/g, " › ");
}

/**
 * Lays out `document` with the notes a user typed (`notes`, by row key). A note whose row is
 * gone is kept in a closing "Notes kept from an earlier version" section under its old key, so it
 * finds its row again if the row comes back and is never dropped.
 */
export function layoutReview(document: ReviewDocument, notes: ReadonlyMap<string, string>): ReviewGrid {
  const rows = [...document.rows];
  const present = new Set(rows.map((row) => row.key));
  const orphaned = [...notes.entries()].filter(([key, value]) => !present.has(key) && value.trim() !== "");
  if (orphaned.length > 0) {
    rows.push({ key: "earlier|spacer", style: "spacer", cells: [] });
    rows.push({
      key: "earlier|heading",
      style: "heading",
      cells: [
        cell("heading", "Notes kept from an earlier version of this tab (their rows are no longer shown)"),
      ],
    });
    for (const [key] of orphaned) rows.push({ key, style: "body", cells: [label(describeKey(key))] });
  }

  const grid: ReviewGrid = {
    values: [],
    numberFormats: [],
    backgrounds: [],
    fontWeights: [],
    fontColors: [],
    wraps: [],
    horizontalAlignments: [],
    columnWidths: [...REVIEW_COLUMN_WIDTHS],
    rowHeights: [],
    frozenRows: REVIEW_FROZEN_ROWS,
    notesColumn: REVIEW_NOTES_COLUMN,
    keyColumn: REVIEW_KEY_COLUMN,
    keptNotes: orphaned.length,
  };
  rows.forEach((row, index) => {
    const isTitle = index === 0;
    layoutRow(
      grid,
      row,
      isTitle ? reviewTabMarker(document.account, document.quarterLabel, document.kind) : row.key,
    );
    if (index >= REVIEW_FROZEN_ROWS) {
      const kept = notes.get(row.key) ?? "";
      grid.values[index][REVIEW_NOTES_COLUMN - 1] =
        kept === "" && row.style === "columns" ? NOTES_HEADER : kept;
    }
    grid.rowHeights.push(rowHeight(grid, index));
  });
  return grid;
}

function layoutRow(grid: ReviewGrid, row: ReviewRow, keyText: string): void {
  const values: GridValue[] = [];
  const formats: string[] = [];
  const fills: (string | null)[] = [];
  const weights: ("bold" | "normal")[] = [];
  const colors: string[] = [];
  const wraps: boolean[] = [];
  const aligns: ("left" | "center" | "right")[] = [];
  const rowFill =
    row.style === "heading" ? STYLE.headingFill : row.style === "columns" ? STYLE.columnsFill : null;
  const rowBold = row.style === "title" || row.style === "heading" || row.style === "columns";

  for (let column = 0; column < REVIEW_CONTENT_COLUMNS + 1; column += 1) {
    const content = row.cells[column] ?? null;
    const isNotes = column === REVIEW_CONTENT_COLUMNS;
    if (!content) {
      values.push("");
      formats.push("@");
      fills.push(rowFill);
      weights.push(rowBold ? "bold" : "normal");
      colors.push(STYLE.text);
      wraps.push(isNotes && row.style !== "subtitle");
      aligns.push("left");
      continue;
    }
    values.push(content.value);
    formats.push(isNumeric(content.kind) ? (content.format ?? NUMBER_FORMATS[content.kind] ?? "#,##0") : "@");
    fills.push(content.tone ? toneColor(content.tone) : rowFill);
    weights.push(rowBold || content.bold || content.kind === "status" ? "bold" : "normal");
    colors.push(content.kind === "note" && !content.tone ? STYLE.remark : STYLE.text);
    wraps.push(wrapsAt(row, column, content));
    aligns.push(content.align ?? defaultAlignment(content.kind));
  }
  values.push(keyText);
  formats.push("@");
  fills.push(null);
  weights.push("normal");
  colors.push(STYLE.key);
  wraps.push(false);
  aligns.push("left");

  grid.values.push(values);
  grid.numberFormats.push(formats);
  grid.backgrounds.push(fills);
  grid.fontWeights.push(weights);
  grid.fontColors.push(colors);
  grid.wraps.push(wraps);
  grid.horizontalAlignments.push(aligns);
}

/** Default row height of a sheet, and the height of one more line of 10-point text. */
const ROW_HEIGHT = 21;
const LINE_HEIGHT = 16;
const TITLE_ROW_HEIGHT = 28;
/** Average width of a character of 10-point Arial, rounded up so estimates err towards taller rows. */
const CHARACTER_WIDTH = 5.3;

/** Lines a wrapped text needs in a column `width` pixels wide. */
export function estimateLines(text: string, width: number): number {
  const perLine = Math.max(8, Math.floor((width - 8) / CHARACTER_WIDTH));
  return text.split("\n").reduce((lines, paragraph) => lines + splitLines(paragraph, perLine).length, 0);
}

function rowHeight(grid: ReviewGrid, index: number): number {
  if (index === 0) return TITLE_ROW_HEIGHT;
  let lines = 1;
  grid.values[index].forEach((value, column) => {
    if (!grid.wraps[index][column] || typeof value !== "string" || value === "") return;
    lines = Math.max(lines, estimateLines(value, grid.columnWidths[column]));
  });
  return lines === 1 ? ROW_HEIGHT : ROW_HEIGHT + (lines - 1) * LINE_HEIGHT;
}

/**
 * Body text wraps when the next cell holds something (it would be cut off) and always in the last
 * content column; otherwise it overflows into the empty cells to its right, like a document line.
 */
function wrapsAt(row: ReviewRow, column: number, content: ReviewCell): boolean {
  if (row.style !== "body" && row.style !== "columns") return false;
  if (isNumeric(content.kind)) return false;
  if (column >= REVIEW_CONTENT_COLUMNS - 1) return true;
  const next = row.cells[column + 1];
  return next !== null && next !== undefined && next.value !== "";
}
