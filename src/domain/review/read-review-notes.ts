// Reads an existing review tab back: which account and quarter it belongs to, and the notes the user typed, by row key.
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import { cellText } from "../workbook/read-cells";
import { normalizeHeader } from "../workbook-schema";
import { NOTES_HEADER, REVIEW_FROZEN_ROWS } from "./review-document";
import { readReviewTabMarker } from "./review-grid";

/** What an existing review tab holds that a refresh must keep. */
export interface ExistingReview {
  /** The account and quarter of the tab; `null` when row 1 has no KPI Steward marker. */
  marker: { account: string; quarterLabel: string } | null;
  /** User notes by row key (blank notes are left out). */
  notes: Map<string, string>;
}

/**
 * Finds the key column by the marker in row 1 (so it is found even after a user inserts columns)
 * and the notes column by its `Notes` heading in row 2 (else the column left of the keys), then
 * collects each row's note under the row's key.
 */
export function readReviewNotes(values: readonly (readonly CellValue[])[]): ExistingReview {
  const first = values[0] ?? [];
  const keyColumn = first.findIndex((value) => readReviewTabMarker(value) !== null);
  const notes = new Map<string, string>();
  if (keyColumn < 0) return { marker: null, notes };
  const marker = readReviewTabMarker(first[keyColumn]);
  const headings = values[REVIEW_FROZEN_ROWS - 1] ?? [];
  const byHeading = headings.findIndex(
    (value, column) => column < keyColumn && normalizeHeader(value) === normalizeHeader(NOTES_HEADER),
  );
  const notesColumn = byHeading >= 0 ? byHeading : keyColumn - 1;
  for (let index = REVIEW_FROZEN_ROWS; index < values.length; index += 1) {
    const row = values[index] ?? [];
    const key = cellText(row[keyColumn] ?? "");
    const value = row[notesColumn] ?? "";
    if (key === "" || isBlank(value)) continue;
    const text = typeof value === "string" ? value : cellText(value);
    if (text === NOTES_HEADER) continue;
    notes.set(key, text);
  }
  return { marker, notes };
}
