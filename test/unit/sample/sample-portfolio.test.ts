// Checks the demo's sample portfolio with the domain's own parsers and condition evaluator: it breaches exactly what it claims.
import { describe, expect, it } from "vitest";
import { buildSamplePortfolio, PERIOD_COUNT } from "../../../scripts/sample/sample-portfolio";
import { fromMonthReached } from "../../../src/domain/cadence/months-since";
import { isBlank } from "../../../src/domain/cell-value";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import { evaluateCondition, parseCondition } from "../../../src/domain/condition";
import { inSegment } from "../../../src/domain/segment";
import { civilDateOf } from "../../../src/domain/workbook/date-cells";
import { parseAccountTab } from "../../../src/domain/workbook/parse-account-tab";
import { parseRules } from "../../../src/domain/workbook/parse-rules";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { TAB } from "../../../src/domain/workbook-schema";

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const sample = buildSamplePortfolio(toDate);
const tab = (name: string) => {
  const found = sample.tabs.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no tab ${name}`);
  return found;
};

/** Every rule that holds on an account tab's latest values, as the scan should find them. */
function breaches(tabName: string) {
  const rules = parseRules(tab(TAB.escalationRules).rows);
  if (isWorkbookProblem(rules)) throw new Error(rules.message);
  const account = parseAccountTab(tabName, tab(tabName).rows);
  if (isWorkbookProblem(account)) throw new Error(account.message);
  const latest = account.periods[account.periods.length - 1];
  const goLive = account.goLive ? civilDateOf(account.goLive, readWallClockUtc) : null;
  const found: { account: string; metric: string; condition: string; severity: string }[] = [];
  // The workbook's Default segment is Federal; a rule runs only on accounts of its segment, as in the scan.
  const segment = account.segment ?? "Federal";
  for (const rule of rules.rules) {
    if (!inSegment(rule.segment, segment)) continue;
    const row = account.metrics.find((metric) => metric.name === rule.metric);
    if (!row || !fromMonthReached(rule.fromMonth, goLive, latest.month)) continue;
    const target = row.target ? parseCondition(row.target) : undefined;
    const result = evaluateCondition(parseCondition(rule.condition), row.values, { target });
    if (result.matched)
      found.push({
        account: account.account,
        metric: rule.metric,
        condition: rule.condition,
        severity: rule.severity,
      });
  }
  return found;
}

describe("demo sample portfolio", () => {
  it("has 4 readable accounts (2 federal, 2 SaaS) with 13 monthly periods ending October 2026", () => {
    expect(sample.accounts.map((account) => account.kind).sort()).toEqual([
      "federal",
      "federal",
      "saas",
      "saas",
    ]);
    expect(sample.periods).toHaveLength(PERIOD_COUNT);
    expect(sample.periods[PERIOD_COUNT - 1]).toBe("2026-10-01");
    for (const account of sample.accounts) {
      const parsed = parseAccountTab(account.tab, tab(account.tab).rows);
      expect(isWorkbookProblem(parsed), account.tab).toBe(false);
    }
  });

  it("breaches exactly the escalations it lists, across a streak, a drop, a decline, misses target and a Yes event", () => {
    const found = sample.accounts.flatMap((account) => breaches(account.tab));
    const key = (e: { account: string; metric: string; condition: string }) =>
      `${e.account} | ${e.metric} | ${e.condition}`;
    expect(found.map(key).sort()).toEqual(sample.expectedEscalations.map(key).sort());
    const conditions = sample.expectedEscalations.map((e) => e.condition);
    for (const kind of ["consecutive", "drops by", "declines", "misses target", "is Yes"])
      expect(
        conditions.some((condition) => condition.includes(kind)),
        kind,
      ).toBe(true);
  });

  it("has one malformed tab that the parser rejects for its missing Owner email", () => {
    const parsed = parseAccountTab(sample.malformedTab.tab, tab(sample.malformedTab.tab).rows);
    expect(isWorkbookProblem(parsed)).toBe(true);
    if (isWorkbookProblem(parsed)) expect(parsed.message).toContain("Owner email");
  });

  it("leaves exactly the listed metrics blank in the latest period", () => {
    const blanks = sample.accounts.flatMap((account) =>
      tab(account.tab)
        .rows.slice(8)
        .filter((row) => isBlank(row[row.length - 1]))
        .map((row) => ({ account: account.account, metric: String(row[0]) })),
    );
    expect(blanks).toEqual(sample.expectedMissing);
  });

  it("colours one breaching cell the user's own colour", () => {
    const cell = sample.userColouredCell;
    expect(tab(cell.tab).backgrounds[cell.a1]).toBe(cell.colour);
    const uptime = tab(cell.tab).rows.find((row) => row[0] === "System uptime");
    expect(uptime?.[uptime.length - 1]).toBe(cell.breachingValue);
  });
});
