// Builds the whole review document of one account and quarter, section by section (SPEC §6).
import { buildCoReport } from "./build-co-report";
import type { ReviewContext, ReviewInput } from "./review-context";
import { reviewContext } from "./review-context";
import type { ReviewDocument } from "./review-document";
import { RowCollector } from "./review-document";
import { addAgendaSection } from "./section-agenda";
import { addContractSection } from "./section-contract";
import { addEscalationSection } from "./section-escalations";
import { addExpansionSection } from "./section-expansion";
import { addAccountSection, addTitleRows } from "./section-header";
import { addHealthSection } from "./section-health";
import { addOutcomesSection } from "./section-outcomes";

/** Most data problems listed at the end of the tab; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 12;

/**
 * The review document: title, account and review, (1) contract-facing metrics for the CO, (2)
 * internal health, (3) escalations, (4) recorded outcomes, (5) the agenda skeleton, (6) the
 * expansion-readiness checklist, and data notes when something could not be read. An account with
 * no data in the quarter gets a clear message and every section still renders.
 */
export function buildReviewDocument(input: ReviewInput): ReviewDocument {
  return reviewDocumentOf(reviewContext(input));
}

/**
 * The review and, for a federal account, its CO report ({@link buildCoReport}), from one reading of
 * the quarter. A commercial account has no contracting officer and gets no CO report.
 */
export function buildReviewDocuments(input: ReviewInput): {
  review: ReviewDocument;
  coReport: ReviewDocument | null;
} {
  const context = reviewContext(input);
  return {
    review: reviewDocumentOf(context),
    coReport: context.segment === "Federal" ? buildCoReport(context) : null,
  };
}

function reviewDocumentOf(context: ReviewContext): ReviewDocument {
  const rows = new RowCollector();
  addTitleRows(rows, context);
  addAccountSection(rows, context);
  rows.spacer("account");
  addContractSection(rows, context);
  rows.spacer("contract");
  addHealthSection(rows, context);
  rows.spacer("health");
  addEscalationSection(rows, context);
  rows.spacer("escalations");
  addOutcomesSection(rows, context);
  rows.spacer("outcomes");
  addAgendaSection(rows, context);
  rows.spacer("agenda");
  addExpansionSection(rows, context);
  const problems = [...new Set(context.problems)];
  if (problems.length > 0) {
    rows.spacer("expansion");
    rows.heading("data", "Data notes — fix these in the workbook and generate again");
    problems.slice(0, MAX_PROBLEMS_SHOWN).forEach((problem, index) => {
      rows.message(`data|${index + 1}`, problem);
    });
    if (problems.length > MAX_PROBLEMS_SHOWN)
      rows.message("data|more", `…and ${problems.length - MAX_PROBLEMS_SHOWN} more.`);
  }
  return { account: context.account.account, quarterLabel: context.quarter.label, rows: rows.rows };
}
