// Server side of the Review outcomes panel: the cadence's review type and agenda for a date, and appending outcomes.

import { type CivilDate, parseIsoDate, toIsoDate } from "../../domain/civil-date";
import { fieldErrorsOf, refused, type SaveResult } from "../../domain/forms/form-result";
import { parseRequest, reviewRequest } from "../../domain/forms/load-requests";
import { recordedOutcomes, reviewOutcomesForm } from "../../domain/forms/review-outcomes-form";
import type { ReviewFormData } from "../../domain/forms/sidebar-api";
import { countOf } from "../../domain/plural";
import { reviewChoices } from "../../domain/sidebar/review-choices";
import { dateCell, text } from "../../domain/sidebar/typed-cell";
import { tabReference } from "../../domain/workbook/cell-address";
import { COLUMNS, TAB } from "../../domain/workbook-schema";
import { openAuditLog } from "../platform/audit-log";
import { withDocumentLock } from "../platform/document-lock";
import { dateToCivil } from "../platform/spreadsheet-dates";
import { appendTableRows, openTable } from "../platform/table-tab";
import { spreadsheetTimeZone } from "../platform/wall-clock";
import { type OpenAccountTab, openAccountTab } from "./account-tabs";

function goLiveOf(tab: OpenAccountTab, timeZone: string): CivilDate | null {
  return tab.parsed.goLive ? dateToCivil(tab.parsed.goLive, timeZone) : null;
}

/** `loadReviewForm({account, reviewDateIso})`: the pre-selected review type and every type's agenda. */
export function loadReviewForm(input: unknown): ReviewFormData {
  const request = parseRequest("Review outcomes", reviewRequest(), input);
  const timeZone = spreadsheetTimeZone();
  const tab = openAccountTab(request.account, timeZone);
  const goLive = goLiveOf(tab, timeZone);
  const choices = reviewChoices(goLive, parseIsoDate(request.reviewDateIso)!);
  return {
    account: request.account,
    accountName: tab.accountName,
    reviewDateIso: request.reviewDateIso,
    goLiveIso: goLive ? toIsoDate(goLive) : "",
    reviewType: choices.reviewType,
    agendas: choices.choices,
  };
}

/**
 * `saveReviewOutcomes(form)`: validates (the review type must be one the cadence offers for that
 * account and date), then appends one Review Outcomes row per agenda item with an outcome, under the
 * lock, with one audit row each.
 */
export function saveReviewOutcomes(input: unknown): SaveResult {
  const checked = reviewOutcomesForm().safeParse(input);
  if (!checked.success) return refused(fieldErrorsOf(checked.error.issues));
  const form = checked.data;
  const timeZone = spreadsheetTimeZone();
  return withDocumentLock({ kind: "save", action: "Save review outcomes" }, () => {
    const auditLog = openAuditLog(timeZone);
    const tab = openAccountTab(form.account, timeZone);
    const reviewDate = parseIsoDate(form.reviewDateIso)!;
    const choices = reviewChoices(goLiveOf(tab, timeZone), reviewDate);
    if (!choices.choices.some((choice) => choice.reviewType === form.reviewType))
      return refused({
        reviewType: `Review type: "${form.reviewType}" is not a review for this date; pick one of ${choices.choices.map((c) => c.reviewType).join(", ")}`,
      });
    const outcomes = recordedOutcomes(form);
    const table = openTable(TAB.reviewOutcomes, COLUMNS.reviewOutcomes, true)!;
    const first = appendTableRows(
      table,
      outcomes.map((item) => ({
        Account: text(tab.accountName),
        "Review date": dateCell(reviewDate),
        "Review type": text(form.reviewType),
        Attendees: text(form.attendees),
        "Agenda item": text(item.agendaItem),
        Outcome: text(item.outcome),
        Decision: text(item.decision),
        "Action owner": text(item.actionOwner),
        "Action due": dateCell(parseIsoDate(item.actionDueIso)),
        "CPARS area": text(item.cparsArea),
      })),
      timeZone,
    );
    const width = Math.max(...Object.values(table.column));
    auditLog.append(
      outcomes.map((item, index) => ({
        action: `Record review outcome: ${tab.accountName}, ${form.reviewType}`,
        where: tabReference(TAB.reviewOutcomes, first + index, 1, width),
        before: "",
        after: [
          `Review date: ${form.reviewDateIso}`,
          `Agenda item: ${item.agendaItem}`,
          `Outcome: ${item.outcome}`,
          item.decision ? `Decision: ${item.decision}` : "",
          item.actionOwner ? `Action: ${item.actionOwner} by ${item.actionDueIso}` : "",
          item.cparsArea ? `CPARS: ${item.cparsArea}` : "",
        ]
          .filter(Boolean)
          .join(" | "),
      })),
    );
    const count = countOf(outcomes.length, "outcome");
    return {
      ok: true,
      message: `Recorded ${count} of the ${form.reviewType} on ${form.reviewDateIso} for ${tab.accountName} (Review Outcomes ${outcomes.length === 1 ? `row ${first}` : `rows ${first}–${first + outcomes.length - 1}`}).`,
    };
  });
}
