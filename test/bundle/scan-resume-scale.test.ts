// A 200-tab scan split by a small time budget over several runs reads each tab once, mails each escalation once, and ends like one run.
import { beforeAll, describe, expect, it } from "vitest";
import type { GasEnvironment } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";
import { type BenchWorkbook, benchEnvironment, buildBenchWorkbook } from "../../scripts/bench/bench-workbook";
import { TAB } from "../../src/domain/workbook-schema";
import { plain } from "../support/scan-scenario";

const SIZE = { tabs: 200, metrics: 22, periods: 13 };
/** Each account tab read takes this long on the emulated clock, so a budget of 1 s covers 25 tabs. */
const READ_MS = 40;
const BUDGET_MS = 1_000;

interface Scanned {
  env: GasEnvironment;
  workbook: BenchWorkbook;
  summaries: Record<string, unknown>[];
  /** `getSheetValues` calls (the scan's one read of a tab) per tab, over all runs. */
  readsPerTab: Map<string, number>;
}

/** A workbook whose account-tab reads take READ_MS each, scanned until a pass completes (at most 50 runs). */
function scanUntilComplete(budgetMs: number | null): Scanned {
  const env = benchEnvironment();
  const workbook = buildBenchWorkbook(env, SIZE);
  if (budgetMs !== null) env.properties.document.seed({ KPI_STEWARD_TIME_BUDGET_MS: String(budgetMs) });
  const gas = loadBundle(env);
  const readsPerTab = new Map<string, number>();
  env.counter.observe((name, self) => {
    if (name !== "Sheet.getSheetValues") return;
    const tab = (self as { name: string }).name;
    readsPerTab.set(tab, (readsPerTab.get(tab) ?? 0) + 1);
    env.advance(READ_MS);
  });
  const summaries: Record<string, unknown>[] = [];
  for (let run = 0; run < 50; run += 1) {
    const summary = plain(gas.scheduledScan({ authMode: "FULL", triggerUid: "resume" })) as Record<
      string,
      unknown
    >;
    summaries.push(summary);
    if (summary.outcome !== "partial") break;
  }
  return { env, workbook, summaries, readsPerTab };
}

/** A tab's values, display values, formulas and backgrounds (uncounted). */
function tabContents(env: GasEnvironment, name: string) {
  return env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(name);
    if (!sheet) return null;
    const range = sheet.getDataRange();
    return {
      values: range.getValues(),
      display: range.getDisplayValues(),
      formulas: range.getFormulas(),
      backgrounds: range.getBackgrounds(),
    };
  });
}

const TIMESTAMP_COLUMNS = ["Opened", "Due", "Last notified", "Last seen"];

/** The log's rows, timestamps left out (they differ by the emulated seconds the split runs took). */
function logWithoutTimestamps(env: GasEnvironment): unknown[][] {
  const log = tabContents(env, TAB.escalationLog);
  if (!log) return [];
  const header = log.values[0].map(String);
  const keep = header
    .map((name, index) => (TIMESTAMP_COLUMNS.includes(name) ? -1 : index))
    .filter((i) => i >= 0);
  return log.values.map((row) => keep.map((index) => row[index]));
}

/** Escalation IDs in each sent digest, by recipient. */
function mailedIds(env: GasEnvironment): { to: string; subject: string; ids: string[] }[] {
  return env.mail.sent
    .map((mail) => ({
      to: mail.to,
      subject: mail.subject,
      ids: [...new Set(mail.body.match(/ESC-\d+/g) ?? [])].sort(),
    }))
    .sort((a, b) => a.to.localeCompare(b.to));
}

let split: Scanned;
let single: Scanned;

beforeAll(() => {
  split = scanUntilComplete(BUDGET_MS);
  single = scanUntilComplete(null);
});

describe("runScan at scale: a 200-tab pass split by the time budget", () => {
  it("takes several runs, each stopping cleanly, the last completing the pass", () => {
    const outcomes = split.summaries.map((summary) => summary.outcome);
    expect(outcomes.length).toBeGreaterThanOrEqual(5);
    expect(outcomes.slice(0, -1).every((outcome) => outcome === "partial")).toBe(true);
    expect(outcomes[outcomes.length - 1]).toBe("complete");
    expect(split.summaries.reduce((sum, summary) => sum + Number(summary.accountsScanned), 0)).toBe(
      SIZE.tabs,
    );
    expect(split.env.properties.document.get("KPI_STEWARD_SCAN_CURSOR")).toBeNull();
    expect(single.summaries.map((summary) => summary.outcome)).toEqual(["complete"]);
  });

  it("reads every account tab exactly once over the pass", () => {
    for (const name of split.workbook.tabNames) expect(split.readsPerTab.get(name), name).toBe(1);
    expect([...split.readsPerTab.keys()].sort()).toEqual([...split.workbook.tabNames].sort());
  });

  it("mails each escalation exactly once, to the same owners as one unbudgeted run", () => {
    const ids = mailedIds(split.env).flatMap((mail) => mail.ids);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    expect(mailedIds(split.env)).toEqual(mailedIds(single.env));
  });

  it("ends with the Escalation Log of one unbudgeted run: same rows, values and displayed times", () => {
    const splitLog = tabContents(split.env, TAB.escalationLog);
    const singleLog = tabContents(single.env, TAB.escalationLog);
    expect(logWithoutTimestamps(split.env)).toEqual(logWithoutTimestamps(single.env));
    expect(splitLog?.display).toEqual(singleLog?.display);
    expect(splitLog?.values.length).toBeGreaterThan(20);
  });

  it("ends with the same highlights and the same Portfolio", () => {
    for (const name of [...split.workbook.breachingTabs, split.workbook.tabNames[0]])
      expect(tabContents(split.env, name)?.backgrounds, name).toEqual(
        tabContents(single.env, name)?.backgrounds,
      );
    const portfolio = tabContents(split.env, TAB.portfolio);
    expect(portfolio?.formulas).toEqual(tabContents(single.env, TAB.portfolio)?.formulas);
    // The as-of line, the header, one row per account, then a blank row before the band distribution.
    expect(portfolio?.values.findIndex((row, index) => index > 1 && row.every((cell) => cell === ""))).toBe(
      SIZE.tabs + 2,
    );
    expect(portfolio?.values.slice(2, SIZE.tabs + 2).map((row) => row.slice(5))).toEqual(
      tabContents(single.env, TAB.portfolio)
        ?.values.slice(2, SIZE.tabs + 2)
        .map((row) => row.slice(5)),
    );
  });
});
