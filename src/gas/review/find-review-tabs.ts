// Finds the review tabs a workbook already has, by the account-and-quarter marker in their first row.
import type { CellValue } from "../../domain/cell-value";
import type { ReviewDocumentKind } from "../../domain/review/review-document";
import { readReviewTabMarker } from "../../domain/review/review-grid";
import { normalizeHeader } from "../../domain/workbook-schema";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A review tab found in the workbook, with the values it holds now. */
export interface FoundReviewTab {
  sheet: Sheet;
  values: CellValue[][];
}

/** The lookup key of an account, quarter and kind of document (the review unless said). */
export function reviewKey(
  account: string,
  quarterLabel: string,
  kind: ReviewDocumentKind = "review",
): string {
  return `${kind}|${normalizeHeader(quarterLabel)}|${normalizeHeader(account)}`;
}

/**
 * Maps every review tab and CO report among `candidates` (sheets already read) to its account and quarter by the
 * marker in its first row, so a refresh finds its tab even after the user renamed it.
 */
export function indexReviewTabs(candidates: readonly FoundReviewTab[]): Map<string, FoundReviewTab> {
  const found = new Map<string, FoundReviewTab>();
  for (const candidate of candidates) {
    for (const value of candidate.values[0] ?? []) {
      const marker = readReviewTabMarker(value);
      if (!marker) continue;
      const key = reviewKey(marker.account, marker.quarterLabel, marker.kind);
      if (!found.has(key)) found.set(key, candidate);
      break;
    }
  }
  return found;
}
