// Reading the Escalation Rules tab: severities, From month, raw conditions, and rules left out with a reason.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import type { CatalogEntry } from "../../../src/domain/workbook/parse-catalog";
import type { ParsedRules } from "../../../src/domain/workbook/parse-rules";
import { findRulesWithUnknownMetric, parseRules } from "../../../src/domain/workbook/parse-rules";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { COLUMNS } from "../../../src/domain/workbook-schema";

function read(rows: CellValue[][]): ParsedRules {
  const result = parseRules([[...COLUMNS.escalationRules], ...rows]);
  if (isWorkbookProblem(result)) throw new Error(result.message);
  return result;
}

describe("parseRules", () => {
  it("reads a rule with its raw condition and response time", () => {
    const parsed = read([
      ["Monthly active users (MAU)", "critical", "below 25%", 3, "At-risk flag", "5 business days"],
    ]);
    expect(parsed.rules).toEqual([
      {
        row: 2,
        metric: "Monthly active users (MAU)",
        severity: "Critical",
        condition: "below 25%",
        fromMonth: 3,
        action: "At-risk flag",
        respondWithin: "5 business days",
        segment: "All",
        escalateTo: [],
        reachesCo: false,
      },
    ]);
  });

  it.each([
    ["", null],
    ["3", 3],
    ["Month 3", 3],
    ["month 3+", 3],
    [0, 0],
  ])("reads From month %j as %j", (cell, expected) => {
    const parsed = read([["MAU", "Watch", "below 40%", cell, "", ""]]);
    expect(parsed.rules[0].fromMonth).toBe(expected);
  });

  it("leaves out a rule with an unknown severity and says which cell and which values are allowed", () => {
    const parsed = read([
      ["MAU", "Watch", "below 40%", "", "", ""],
      ["Sponsor engagement", "Warning", "below 100% for 2 consecutive periods", "", "", ""],
      ["Internal NPS", "Warning", "below 6", "", "", ""],
      ["Internal NPS", "Critical", "below 5", "", "", ""],
      ["Uptime", "Critical", "misses target", "", "", ""],
      ["Control deviation rate", "Severe", "above 0", "", "", ""],
    ]);
    expect(parsed.rules.map((rule) => rule.row)).toEqual([2, 3, 4, 5, 6]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Escalation Rules row 7: Severity "Severe" in B7 is not one of Watch, Warning or Critical; the rule is not applied',
    ]);
  });

  it("reports every fault of a row at once", () => {
    const parsed = read([["", "", "", "soon", "", ""]]);
    expect(parsed.rules).toEqual([]);
    expect(parsed.problems[0].reason).toBe(
      "row 2: A2 has no metric name; B2 has no severity (Watch, Warning or Critical); " +
        'C2 has no condition (e.g. "below 40%" or "misses target"); From month "soon" in D2 must be a whole ' +
        "number of months since go-live (e.g. 3) or blank for always; the rule is not applied",
    );
  });

  it("finds rules whose metric is not in the catalog", () => {
    const parsed = read([
      ["internal nps", "Warning", "below 6", "", "", ""],
      ["NPS", "Warning", "below 6", "", "", ""],
    ]);
    const catalog = [{ metric: "Internal NPS" } as CatalogEntry];
    expect(findRulesWithUnknownMetric(parsed.rules, catalog).map((p) => p.message)).toEqual([
      'Escalation Rules row 3: metric "NPS" is not in the KPI Catalog; add it there or correct the name',
    ]);
  });

  it("returns a tab problem when a header is missing", () => {
    const result = parseRules([["Metric", "Severity", "Rule", "From month", "Action", "Respond within"]]);
    expect(isWorkbookProblem(result) && result.reason).toContain('no "Condition" column in the header row');
  });
});

describe("parseRules: Segment, Escalate to and Reaches CO", () => {
  const header = ["Metric", "Severity", "Condition", "From month", "Action", "Respond within"];
  it("reads them by header when present, and as All / owner only / not CO-level when the columns are absent", () => {
    const old = parseRules([header, ["Health score", "Critical", "below 50", "", "Call", "24 hours"]]);
    if (isWorkbookProblem(old)) throw new Error(old.message);
    expect(old.rules[0]).toMatchObject({ segment: "All", escalateTo: [], reachesCo: false });

    const routed = parseRules([
      [...header, "Segment", "Escalate to", "Reaches CO"],
      [
        "System uptime",
        "Critical",
        "below 99%",
        "",
        "Notify",
        "immediately",
        "federal",
        "Revenue Lead; CS VP;revenue lead",
        "Yes",
      ],
      ["NPS", "Watch", "below 0", "", "Call", "", "", "", ""],
    ]);
    if (isWorkbookProblem(routed)) throw new Error(routed.message);
    expect(routed.rules.map((rule) => [rule.segment, rule.escalateTo, rule.reachesCo])).toEqual([
      ["Federal", ["Revenue Lead", "CS VP"], true],
      ["All", [], false],
    ]);
  });

  it("leaves out a rule whose Segment or Reaches CO cannot be read, naming the cell", () => {
    const parsed = parseRules([
      [...header, "Segment", "Reaches CO"],
      ["A", "Critical", "below 1", "", "x", "", "Comercial", ""],
      ["B", "Critical", "below 1", "", "x", "", "", "maybe"],
    ]);
    if (isWorkbookProblem(parsed)) throw new Error(parsed.message);
    expect(parsed.rules).toEqual([]);
    expect(parsed.problems.map((problem) => problem.message).join("\n")).toMatch(
      /Segment "Comercial" in G2 must be All, Federal or Commercial/,
    );
    expect(parsed.problems.map((problem) => problem.message).join("\n")).toMatch(
      /Reaches CO "maybe" in H3 must be Yes, No or blank/,
    );
  });
});
