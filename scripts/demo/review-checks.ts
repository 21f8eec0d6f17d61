// The demo's checks of what a CS lead hands an agency: review tabs and CO reports (no leak, no "seed", corrected values, the year month by month).
import type { GasEnvironment } from "../../emulation/index";
import { COLUMNS, TAB } from "../../src/domain/workbook-schema";
import { readTabTable } from "./read-tab-table";

/** One generated review, as the demo records it. */
export interface DemoReview {
  account: string;
  quarter: string;
  /** The review tab's name, or `error: …`. */
  result: unknown;
}

/** A yes/no check. */
export interface ReviewCheck {
  name: string;
  passed: boolean;
  detail: string;
}

/** An account of the sample. */
interface DemoAccount {
  account: string;
  kind: "federal" | "saas";
}

/** Every cell of a tab as Sheets shows it, one line per row; `null` when there is no such tab. */
export function tabText(env: GasEnvironment, name: string): string | null {
  const sheet = env.spreadsheet.getSheetByName(name);
  if (!sheet) return null;
  return env.counter.uncounted(() =>
    sheet
      .getDataRange()
      .getDisplayValues()
      .map((row) => row.join(" | "))
      .join("\n"),
  );
}

/** The name of the CO report that goes with a review tab. */
export function coReportNameOf(reviewTab: string): string {
  return reviewTab.replace(/^Review /, "CO Report ");
}

/**
 * What must never reach a contracting officer, from the workbook itself: every internal metric
 * (KPI Catalog Category Internal), health words, NPS/MAU/expansion, and the text of every
 * escalation note and review outcome (internal notes).
 */
export function internalTerms(env: GasEnvironment): string[] {
  const catalog = readTabTable(env, TAB.kpiCatalog, ["Metric", "Category"]);
  const internal = catalog.filter((row) => row.text.Category === "Internal").map((row) => row.text.Metric);
  const notes = readTabTable(env, TAB.escalationLog, ["Note"]).map((row) => row.text.Note);
  const outcomes = readTabTable(env, TAB.reviewOutcomes, COLUMNS.reviewOutcomes).flatMap((row) => [
    row.text.Outcome,
    row.text.Decision,
  ]);
  const words = ["health", "NPS", "MAU", "expansion", "Excellent", "At Risk", "sponsor"];
  return [...new Set([...internal, ...words, ...notes, ...outcomes])].filter(
    (term) => term.trim().length > 3 || words.includes(term),
  );
}

/** Checks the review tabs and CO reports the demo generated. */
export function reviewChecks(
  env: GasEnvironment,
  accounts: readonly DemoAccount[],
  reviews: readonly DemoReview[],
  corrected: { tab: string; metric: string },
): ReviewCheck[] {
  const checks: ReviewCheck[] = [];
  checks.push(correctedValueCheck(env, accounts, reviews, corrected));
  const generated = reviews.filter(
    (review): review is DemoReview & { result: string } =>
      typeof review.result === "string" && !review.result.startsWith("error"),
  );
  const kindOf = (account: string) => accounts.find((a) => a.account === account)?.kind;

  const missing: string[] = [];
  const unexpected: string[] = [];
  for (const review of generated) {
    const co = tabText(env, coReportNameOf(review.result));
    if (kindOf(review.account) === "federal" && co === null)
      missing.push(`${review.account} ${review.quarter}`);
    if (kindOf(review.account) === "saas" && co !== null)
      unexpected.push(`${review.account} ${review.quarter}`);
  }
  checks.push({
    name: "every federal review has its CO report, and no commercial account has one",
    passed: generated.length > 0 && missing.length === 0 && unexpected.length === 0,
    detail:
      [
        missing.length ? `missing: ${missing.join(", ")}` : "",
        unexpected.length ? `unexpected: ${unexpected.join(", ")}` : "",
      ]
        .filter((part) => part !== "")
        .join("; ") || `${generated.filter((r) => kindOf(r.account) === "federal").length} CO reports`,
  });

  const terms = internalTerms(env);
  const leaks: string[] = [];
  for (const review of generated) {
    const co = tabText(env, coReportNameOf(review.result));
    if (co === null) continue;
    const lower = co.toLowerCase();
    for (const term of terms)
      if (lower.includes(term.toLowerCase())) leaks.push(`${review.account} ${review.quarter}: "${term}"`);
  }
  checks.push({
    name: "no CO report holds an internal metric, a health word or an internal note",
    passed: leaks.length === 0,
    detail: leaks.length === 0 ? `${terms.length} internal terms looked for` : leaks.slice(0, 8).join("; "),
  });

  const seeded = env.spreadsheet
    .getSheets()
    .map((sheet) => sheet.getName())
    .filter((name) => /\bseed\b/i.test(tabText(env, name) ?? ""));
  checks.push({
    name: 'no tab contains the word "seed"',
    passed: seeded.length === 0,
    detail: seeded.length === 0 ? `${env.spreadsheet.getSheets().length} tabs read` : seeded.join(", "),
  });

  const annual = generated.filter((review) =>
    /The year month by month/.test(tabText(env, review.result) ?? ""),
  );
  checks.push({
    name: "an annual review shows the year month by month, in the review and its CO report",
    passed:
      annual.length > 0 &&
      annual.every((review) =>
        /The year month by month/.test(tabText(env, coReportNameOf(review.result)) ?? ""),
      ),
    detail: annual.map((review) => `${review.account} ${review.quarter}`).join(", ") || "none",
  });
  return checks;
}

/**
 * The corrected value of the demo (a mistyped month the user fixed after its escalation was logged):
 * the first review of that account shows the metric as met with the corrected-value note, and its
 * CPARS summary names no breach of it.
 */
function correctedValueCheck(
  env: GasEnvironment,
  accounts: readonly DemoAccount[],
  reviews: readonly DemoReview[],
  corrected: { tab: string; metric: string },
): ReviewCheck {
  const account =
    accounts.find((a) => (a as { tab?: string }).tab === corrected.tab)?.account ?? corrected.tab;
  const review = reviews.find((r) => r.account === account && typeof r.result === "string");
  const text = review ? (tabText(env, String(review.result)) ?? "") : "";
  const row = text.split("\n").find((line) => line.startsWith(`${corrected.metric} |`)) ?? "";
  const summary = (text.split("\n").find((line) => line.startsWith("CPARS summary")) ?? "").split(" | ")[0];
  const cells = row.split(" | ");
  return {
    name: `the corrected ${corrected.metric} of ${account} shows as met with the correction noted, and the CPARS summary names no breach`,
    passed:
      cells[6] === "Met" &&
      /Corrected: ESC-\d+/.test(row) &&
      summary !== "" &&
      !summary.includes(corrected.metric),
    detail: `${review?.quarter ?? "no review"}: status ${cells[6] ?? "?"}; ${summary || "no CPARS summary"}`,
  };
}

/**
 * The outage account's review and CO report show availability from the Incidents tab: the month's
 * availability, the worst 7-day window below it, and the P1 with its time to remediate.
 */
export function incidentReviewCheck(
  env: GasEnvironment,
  review: DemoReview,
  incidentId: string,
): ReviewCheck {
  const name = typeof review.result === "string" ? review.result : "";
  const texts = [tabText(env, name) ?? "", tabText(env, coReportNameOf(name)) ?? ""];
  const has = (text: string) =>
    text.includes("Availability and P1 incidents from the Incidents tab") &&
    /Oct 2026 \| 99\.\d\d% \| 98\.\d\d% \| Oct \d+, /.test(text) &&
    text.includes(`${incidentId} · P1`);
  return {
    name: "the outage account's review and CO report show the month's availability, its worst 7-day window and the P1",
    passed: name !== "" && texts.every(has),
    detail: texts
      .map((text, index) => `${index === 0 ? "review" : "CO report"}: ${has(text) ? "shown" : "missing"}`)
      .join("; "),
  };
}
