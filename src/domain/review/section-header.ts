// The review tab's title block and its account section: account, owner, quarter, review type, attendees.

import { monthsSinceGoLive } from "../cadence/months-since";
import { formatAttendees } from "../cadence/review-cadence";
import { monthName } from "../calendar/month-names";
import { civilDateOf } from "../workbook/date-cells";
import { formatMonth } from "../workbook/date-text";
import type { ReviewContext } from "./review-context";
import type { RowCollector } from "./review-document";
import { cell, label, NOTES_HEADER, note, text } from "./review-document";
import { formatDay, formatQuarterDays } from "./review-quarter";

/** The document title: `Quarterly review · FY27 Q1 · <Account>`. */
export function reviewTitle(quarterLabel: string, account: string): string {
  return `Quarterly review · ${quarterLabel} · ${account}`;
}

/** Rows 1–2 (frozen): the title, and the quarter's days with the Notes heading. */
export function addTitleRows(rows: RowCollector, context: ReviewContext): void {
  const { quarter, input } = context;
  rows.add("title", "title", [cell("title", reviewTitle(quarter.label, context.account.account))]);
  const subtitle =
    `${formatQuarterDays(quarter.range)} · fiscal year starts ${monthName(quarter.fyStartMonth)} · ` +
    `prepared ${formatDay(input.today)} by KPI Steward · refresh with Generate review tab…; ` +
    `the ${NOTES_HEADER} column is kept`;
  const cells = [note(subtitle), null, null, null, null, null, null, null, cell("column", NOTES_HEADER)];
  rows.add("subtitle", "subtitle", cells);
}

/** The account section: who, what contract, which quarter and which review with whom. */
export function addAccountSection(rows: RowCollector, context: ReviewContext): void {
  const { account, quarter, review, goLive } = context;
  const section = "account";
  rows.heading(section, "Account and review");
  const pair = (item: string, value: ReturnType<typeof text> | null, remark = "") =>
    rows.add(`${section}|${item}`, "body", [
      label(item),
      value,
      null,
      null,
      null,
      null,
      null,
      remark ? note(remark) : null,
    ]);
  pair(
    "Account",
    text(account.account),
    account.tabName !== account.account ? `account tab "${account.tabName}"` : "",
  );
  pair("Owner", text(account.ownerEmail));
  if (context.segment === "Federal")
    pair("Contract / CLIN", account.contract ? text(account.contract) : note("not given on the account tab"));
  else {
    pair("Segment", text("Commercial"));
    pair(
      "Renewal date",
      account.renewalDate
        ? cell("date", civilDateOf(account.renewalDate, context.input.readWallClock), { align: "left" })
        : note("not given on the account tab: the go-live anniversary is used"),
    );
  }
  pair(
    "Quarter",
    text(`${quarter.label} · ${formatQuarterDays(quarter.range)}`),
    `Settings › Fiscal year starts: ${monthName(quarter.fyStartMonth)}`,
  );
  if (goLive) {
    const months = monthsSinceGoLive(goLive, quarter.range.end);
    pair(
      "Go-live",
      cell("date", goLive, { align: "left" }),
      months >= 0 ? `month ${months} since go-live at the quarter's end` : "go-live is after this quarter",
    );
  } else pair("Go-live", note("no Go-live date on the account tab"));
  pair("Review type", text(review.type), review.basis);
  pair(
    "Review date",
    review.date ? cell("date", review.date, { align: "left" }) : note("not scheduled in this quarter"),
  );
  for (const other of review.alsoInQuarter ?? [])
    pair("Also this quarter", text(`${other.type} · ${formatDay(other.date)}`), "on the review calendar too");
  const attendees = review.slot?.attendees ?? [];
  pair(
    "Suggested attendees",
    attendees.length
      ? text(formatAttendees(attendees, context.input.settings.companyName))
      : note("none: the calendar has no review here"),
    attendees.length ? `${context.segment.toLowerCase()} review calendar` : "",
  );
  const recorded = [...new Set(context.outcomes.map((o) => o.attendees).filter((a) => a !== ""))];
  if (recorded.length) pair("Recorded attendees", text(recorded.join("; ")), "from Review Outcomes");
  if (account.provisionedUsers !== null)
    pair("Provisioned users", cell("number", account.provisionedUsers, { format: "#,##0", align: "left" }));
  const periods = account.periods;
  const inQuarter = context.quarterIndexes.filter((i) => i >= 0).length;
  const dataText =
    periods.length === 0
      ? "the account tab has no period columns yet"
      : `the account tab has ${periods.length} months (${formatMonth(periods[0].month)} – ` +
        `${formatMonth(periods[periods.length - 1].month)}); ${inQuarter} of them in ${quarter.label}`;
  pair("Data", text(dataText));
  if (!context.hasData)
    rows.message(
      `${section}|no data`,
      `No data for ${quarter.label}: no metric on the account tab "${account.tabName}" has a value in ` +
        `${context.monthHeadings.join(", ")}. Enter the months' values (sidebar › Enter values) and ` +
        "generate the tab again; escalations, outcomes, the agenda and the checklist below still apply.",
      "Warning",
    );
}
