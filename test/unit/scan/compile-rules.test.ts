// Compiling Escalation Rules: unreadable conditions reported (the rest still run), default response windows, duplicates.
import { describe, expect, it } from "vitest";
import { parseCondition } from "../../../src/domain/condition";
import { compileRules, usesTarget } from "../../../src/domain/scan/compile-rules";
import { ruleRow } from "./scan-fixtures";

const columns = { Metric: 1, Severity: 2, Condition: 3, "From month": 4, Action: 5, "Respond within": 6 };

describe("compileRules", () => {
  it("leaves out a rule whose condition does not parse, says which cell and word, and keeps the others", () => {
    const rules = [
      ruleRow("MAU", "Watch", "below 40%", { row: 2 }),
      ruleRow("MAU", "Critical", "belw 25%", { row: 3 }),
    ];
    const result = compileRules(rules, columns);
    expect(result.rules.map((rule) => rule.rule.row)).toEqual([2]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(
      /^Escalation Rules row 3: the Critical rule for "MAU" is not applied: Condition "belw 25%" in C3 could not be read: .*belw/,
    );
    expect(result.brokenKeys.size).toBe(1);
  });

  it("keeps a rule whose Respond within cannot be read, due in 5 business days, and reports it", () => {
    const result = compileRules(
      [ruleRow("MAU", "Watch", "below 40%", { row: 4, respondWithin: "fortnightly-ish" })],
      columns,
    );
    expect(result.rules).toHaveLength(1);
    expect(result.rules[0].window).toEqual({ kind: "business-days", days: 5 });
    expect(result.problems[0]).toMatch(
      /^Escalation Rules row 4: Respond within in F4: could not read "fortnightly-ish"/,
    );
    expect(result.problems[0]).toMatch(/due in 5 business days$/);
  });

  it("ignores a second rule with the same metric, severity and condition however it is spaced or cased", () => {
    const result = compileRules([
      ruleRow("Monthly active users", "Watch", "below 40%", { row: 5 }),
      ruleRow(" monthly ACTIVE users ", "Watch", "Below  40 %", { row: 6 }),
    ]);
    expect(result.rules).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^Escalation Rules row 6: the same rule as row 5/);
  });

  it("knows which conditions compare with the Target", () => {
    expect(usesTarget(parseCondition("misses target"))).toBe(true);
    expect(usesTarget(parseCondition("misses target for 2 consecutive periods"))).toBe(true);
    expect(usesTarget(parseCondition("below 40% or misses target"))).toBe(true);
    expect(usesTarget(parseCondition("below 40%"))).toBe(false);
  });
});
