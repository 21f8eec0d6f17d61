// The demo's review documents: the annual reviews of the federal accounts, and every review tab and CO report exported on their own to read as pages.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { GasEnvironment } from "../../emulation/index";
import type { BundleContext } from "../../emulation/load-bundle";
import { exportWorkbook } from "../xlsx/export-workbook";
import type { DemoReview } from "./review-checks";
import { coReportNameOf } from "./review-checks";

/** An account of the sample. */
interface DemoAccount {
  tab: string;
  account: string;
  kind: "federal" | "saas";
}

/** The Go-live date on an account tab (its `Go-live date` row), or `null`. */
function goLiveOf(env: GasEnvironment, tab: string): Date | null {
  const sheet = env.spreadsheet.getSheetByName(tab);
  if (!sheet) return null;
  const values = env.counter.uncounted(() => sheet.getDataRange().getValues());
  const row = values.find((cells) => String(cells[0]).trim().toLowerCase() === "go-live date");
  return row && row[1] instanceof Date ? row[1] : null;
}

/** Generates one review tab (and its CO report), recording the tab's name or the error. */
export function generateReview(
  gas: BundleContext,
  account: string,
  quarter: string,
  log: (line: string) => void,
): DemoReview {
  log(`▸ generateReviewTab("${account}", "${quarter}")`);
  try {
    return { account, quarter, result: gas.generateReviewTab(account, quarter) };
  } catch (error) {
    return { account, quarter, result: `error: ${(error as Error).message}` };
  }
}

/**
 * Generates each federal account's annual review (the quarter of go-live + 12 months, fiscal year
 * starting in October), which shows the year month by month.
 */
export function annualReviews(
  env: GasEnvironment,
  gas: BundleContext,
  sample: { accounts: readonly DemoAccount[] },
  log: (line: string) => void,
): DemoReview[] {
  const reviews: DemoReview[] = [];
  for (const account of sample.accounts.filter((a) => a.kind === "federal")) {
    const goLive = goLiveOf(env, account.tab);
    if (!goLive) continue;
    const month12 = new Date(goLive.getTime());
    month12.setMonth(month12.getMonth() + 12);
    const quarter = String(gas.FISCAL_QUARTER(month12, "October"));
    reviews.push(generateReview(gas, account.account, quarter, log));
  }
  return reviews;
}

/**
 * Writes every generated review tab and CO report into `dir/review-tabs.xlsx` (and its PDF when
 * `toPdf` gives one), so each reads as a document on its own pages. Returns the files written.
 */
export async function writeReviewPages(
  env: GasEnvironment,
  reviews: readonly DemoReview[],
  dir: string,
  toPdf: (xlsxPath: string) => string | null,
): Promise<string[]> {
  const names = new Set<string>();
  for (const review of reviews) {
    if (typeof review.result !== "string" || review.result.startsWith("error")) continue;
    names.add(review.result);
    if (env.spreadsheet.getSheetByName(coReportNameOf(review.result)))
      names.add(coReportNameOf(review.result));
  }
  if (names.size === 0) return [];
  mkdirSync(dir, { recursive: true });
  const xlsxPath = join(dir, "review-tabs.xlsx");
  await exportWorkbook(env, xlsxPath, { tabs: (tab) => names.has(tab) });
  const pdfPath = toPdf(xlsxPath);
  return pdfPath ? [xlsxPath, pdfPath] : [xlsxPath];
}
