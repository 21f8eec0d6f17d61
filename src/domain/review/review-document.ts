// The review tab as a document: sections of rows of typed cells, before any Sheets layout or formatting.
import type { CivilDate } from "../civil-date";
import type { StatusTone } from "../severity-colors";

/**
 * What a cell holds, which decides its number format and look:
 * `title` the tab title, `heading` a section title, `column` a column heading, `label` a row's item,
 * `text` plain text, `number`/`percent` numbers (a percent is a fraction), `date` a day, `month` a
 * period month, `status` a status word painted in its tone, `note` a remark in italics.
 */
export type ReviewCellKind =
  | "title"
  | "heading"
  | "column"
  | "label"
  | "text"
  | "number"
  | "percent"
  | "date"
  | "month"
  | "status"
  | "note";

/** One cell of the document. */
export interface ReviewCell {
  kind: ReviewCellKind;
  /** Text, a number (percent: a fraction), or a calendar day for `date` and `month`. */
  value: string | number | CivilDate;
  /** A Sheets number format for numbers when the kind's default does not fit (`0.00%`, `$#,##0`). */
  format?: string;
  /** The tone painted behind the cell (status cells, breaching month values). */
  tone?: StatusTone;
  /** Bold even when the kind is not (the health score row, a verdict). */
  bold?: boolean;
  /** Overrides the kind's alignment (a date beside text in the account section reads better on the left). */
  align?: "left" | "center" | "right";
}

/** How a row looks as a whole. */
export type ReviewRowStyle = "title" | "subtitle" | "heading" | "columns" | "body" | "message" | "spacer";

/** One row: a stable key (section + item) that user notes are kept under, a style and its cells. */
export interface ReviewRow {
  /** Unique within the document, stable across refreshes (e.g. `contract|system uptime`). */
  key: string;
  style: ReviewRowStyle;
  /** Cells from column A on; at most {@link REVIEW_CONTENT_COLUMNS}; `null` leaves a cell blank. */
  cells: (ReviewCell | null)[];
}

/** Which document a tab holds: the quarterly review, or the report for the contracting officer. */
export type ReviewDocumentKind = "review" | "co-report";

/** The whole review document of one account and quarter. */
export interface ReviewDocument {
  /** The quarterly review (default) or the CO report. */
  kind?: ReviewDocumentKind;
  account: string;
  /** e.g. `FY27 Q1`. */
  quarterLabel: string;
  rows: ReviewRow[];
}

/** Number of content columns (A–H); the Notes column follows, then the hidden key column. */
export const REVIEW_CONTENT_COLUMNS = 8;

/** Width in pixels of each column: A–H content, I Notes, J the hidden key column. */
export const REVIEW_COLUMN_WIDTHS: readonly number[] = [230, 105, 115, 78, 78, 78, 95, 300, 230, 40];

/** Header of the notes column: what the user types there survives a refresh. */
export const NOTES_HEADER = "Notes";

/** Rows frozen at the top: the title and the subtitle with the Notes heading. */
export const REVIEW_FROZEN_ROWS = 2;

/** Longest line of a remark row: what fits across the content columns at the sheet's default font. */
export const MESSAGE_LINE_LENGTH = 150;

/** Splits text at spaces into lines of at most `width` characters (a longer word gets its own line). */
export function splitLines(textToSplit: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of textToSplit.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** Builds a cell. */
export function cell(
  kind: ReviewCellKind,
  value: string | number | CivilDate,
  extra: Partial<Omit<ReviewCell, "kind" | "value">> = {},
): ReviewCell {
  return { kind, value, ...extra };
}

/** A text cell. */
export const text = (value: string, extra?: Partial<ReviewCell>) => cell("text", value, extra);
/** A label (row item) cell. */
export const label = (value: string, extra?: Partial<ReviewCell>) => cell("label", value, extra);
/** A remark cell. */
export const note = (value: string) => cell("note", value);
/** A status cell in its tone. */
export const status = (value: string, tone?: StatusTone) => cell("status", value, tone ? { tone } : {});

/**
 * Collects rows, making every key unique: a repeated key gets `#2`, `#3`, so two rows never
 * share a note.
 */
export class RowCollector {
  readonly rows: ReviewRow[] = [];
  private readonly seen = new Map<string, number>();

  /** Adds a row; `key` is normalised to lower case without repeated spaces. */
  add(key: string, style: ReviewRowStyle, cells: (ReviewCell | null)[]): void {
    const base = key.toLowerCase().replace(/\s+/g, " ").trim();
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    this.rows.push({ key: count === 1 ? base : `${base}#${count}`, style, cells });
  }

  /** A section title. */
  heading(section: string, title: string): void {
    this.add(`${section}|heading`, "heading", [cell("heading", title)]);
  }

  /** A row of column headings. */
  columns(section: string, headings: readonly string[]): void {
    this.add(
      `${section}|columns`,
      "columns",
      headings.map((heading) => (heading === "" ? null : cell("column", heading))),
    );
  }

  /**
   * An explanatory remark across the content columns. Long text is split at word boundaries into
   * rows of at most {@link MESSAGE_LINE_LENGTH} characters, so it reads in print without merged cells.
   * A tone paints the remark (e.g. `Warning` for "no data this quarter") and makes it bold.
   */
  message(key: string, message: string, tone?: StatusTone): void {
    for (const line of splitLines(message, MESSAGE_LINE_LENGTH)) {
      const remark = tone ? cell("note", line, { tone, bold: true }) : note(line);
      this.add(
        key,
        "message",
        tone ? [remark, ...Array(REVIEW_CONTENT_COLUMNS - 1).fill(cell("note", "", { tone }))] : [remark],
      );
    }
  }

  /** An empty row between sections. */
  spacer(section: string): void {
    this.add(`${section}|spacer`, "spacer", []);
  }
}
