// A pass over the account tabs: which tabs a run reads (within the time budget, after those an earlier run read) and where the pass got to.

import type { ReadWallClock } from "../domain/civil-date";
import type { PortfolioSource } from "../domain/portfolio/plan-portfolio";
import { nameKey } from "../domain/scan/breach-key";
import type { MailableAccount } from "../domain/scan/digest-plan";
import type { ScanCursor } from "../domain/scan/scan-cursor";
import { nextScanCursor } from "../domain/scan/scan-cursor";
import type { SkippedTab } from "../domain/scan/scan-summary";
import type { ParsedAccountTab } from "../domain/workbook/parse-account-tab";
import type { PortfolioPreread } from "./refresh-portfolio";
import { portfolioSource, refreshPortfolio } from "./refresh-portfolio";
import type { ScanStore } from "./scan-store";
import { SCAN_PROPERTY } from "./scan-store";
import type { SheetIds } from "./sheet-ids";
import type { CandidateTab } from "./workbook-reader";
import { readAccountSheet } from "./workbook-reader";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * An account tab of the pass, whose escalations may be mailed: read in this run (`sheet`), or by an
 * earlier run of a resumed pass (`sheet` null, its id from the cursor). `sheetId` asks the tab for
 * its id the first time something reads it — a link in a digest, the cursor — and not before.
 */
export interface PassAccount extends MailableAccount {
  sheet: Sheet | null;
}

function passAccount(
  account: string,
  tabName: string,
  ownerEmail: string,
  sheet: Sheet | null,
  sheetId: () => number,
): PassAccount {
  return {
    account,
    tabName,
    ownerEmail,
    sheet,
    get sheetId() {
      return sheetId();
    },
  };
}

/** An account tab read in this run. */
export interface AccountTabRead {
  sheet: Sheet;
  tabName: string;
  tab: ParsedAccountTab;
}

/** What a run read of the pass's account tabs. */
export interface AccountTabsRead {
  /** The account tabs read in this run, in tab order (tabs skipped left out). */
  tabs: AccountTabRead[];
  /** Every account of the pass by {@link nameKey}: those of earlier runs first, then this run's. */
  accounts: Map<string, PassAccount>;
  /** Tabs that look like account tabs but could not be read, or repeat an account, in tab order. */
  skipped: SkippedTab[];
  /** Every tab read in this run (account tabs or not), in tab order. */
  read: Sheet[];
  /** What this run read of each tab, for the Portfolio refresh at the end of the pass. */
  portfolioSources: Map<Sheet, PortfolioSource | null>;
  /** True when no account tab is left for a later run. */
  complete: boolean;
  tabsRemaining: number;
}

/**
 * Reads the tabs that may be account tabs, in order, one `getSheetValues` each, leaving out those an
 * earlier run of the pass read (`cursor`; only then are the tabs asked for their ids); `timeUp` is
 * asked before each tab once one account tab has been read, and the pass stops there when it says so.
 * A tab whose account (B1) is that of another tab of the pass is skipped, named.
 */
export function readAccountTabs(
  candidates: readonly CandidateTab[],
  cursor: ScanCursor | null,
  ids: SheetIds,
  readWallClock: ReadWallClock,
  timeUp: () => boolean,
): AccountTabsRead {
  const earlier = new Set(cursor?.done ?? []);
  const doneEarlier = (sheet: Sheet) => cursor !== null && earlier.has(ids.of(sheet));
  const accounts = new Map<string, PassAccount>();
  for (const [account, sheetId, tabName, ownerEmail] of cursor?.accounts ?? [])
    accounts.set(
      nameKey(account),
      passAccount(account, tabName, ownerEmail, null, () => sheetId),
    );
  const result: AccountTabsRead = {
    tabs: [],
    accounts,
    skipped: [],
    read: [],
    portfolioSources: new Map(),
    complete: true,
    tabsRemaining: 0,
  };
  for (let index = 0; index < candidates.length; index += 1) {
    const { sheet, name: tabName } = candidates[index];
    if (doneEarlier(sheet)) continue;
    if (result.tabs.length > 0 && timeUp()) {
      const remaining = candidates.slice(index).filter((candidate) => !doneEarlier(candidate.sheet)).length;
      return { ...result, complete: remaining === 0, tabsRemaining: remaining };
    }
    const read = readAccountSheet(sheet, tabName, readWallClock);
    result.read.push(sheet);
    result.portfolioSources.set(sheet, portfolioSource(tabName, read));
    if (read.kind === "not-account") continue;
    if (read.kind === "problem") {
      result.skipped.push({ tab: tabName, reason: read.reason });
      continue;
    }
    const { tab } = read;
    const other = accounts.get(nameKey(tab.account));
    if (other && (other.sheet ? other.sheet !== sheet : other.sheetId !== ids.of(sheet))) {
      result.skipped.push({
        tab: tabName,
        reason:
          `row 1: account "${tab.account}" in B1 is also the account of tab "${other.tabName}"; ` +
          "each account needs its own name so its escalations are not mixed up",
      });
      continue;
    }
    accounts.set(
      nameKey(tab.account),
      passAccount(tab.account, tabName, tab.ownerEmail, sheet, () => ids.of(sheet)),
    );
    result.tabs.push({ sheet, tabName, tab });
  }
  return result;
}

/**
 * Records where the pass got to. A pass that is not complete leaves the cursor (the tabs done, with
 * their ids, and the accounts scanned) for the next run. A complete pass clears it, refreshes the
 * Portfolio (from what this run read: `preread`), records the set of account tabs, and drops
 * the highlight bookkeeping of tabs that are gone (`goneHighlights`). Returns the problems to report.
 */
export function recordPass(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  store: ScanStore,
  pass: AccountTabsRead,
  cursor: ScanCursor | null,
  ids: SheetIds,
  startedAt: Date,
  goneHighlights: readonly string[],
  preread: PortfolioPreread,
): { problems: string[] } {
  if (!pass.complete) {
    const done = [...(cursor?.done ?? []), ...pass.read.map((sheet) => ids.of(sheet))];
    store.writeJson(
      SCAN_PROPERTY.scanCursor,
      nextScanCursor(cursor, startedAt, done, pass.accounts.values()),
    );
    return { problems: [] };
  }
  if (cursor) store.writeText(SCAN_PROPERTY.scanCursor, null);
  const problems: string[] = [];
  // Every complete pass: the Portfolio's as-of line, risk order, trends and counts are the scan's.
  try {
    refreshPortfolio(spreadsheet, preread);
  } catch (error) {
    problems.push(`the Portfolio tab could not be refreshed: ${(error as Error).message}`);
  }
  const names = JSON.stringify([...pass.accounts.values()].map((account) => account.tabName).sort());
  if (store.get(SCAN_PROPERTY.accountTabs) !== names) store.writeText(SCAN_PROPERTY.accountTabs, names);
  for (const key of goneHighlights) store.writeText(key, null);
  return { problems };
}
