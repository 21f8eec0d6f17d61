// THRESHOLD_STATUS rule lists: "condition: label" clauses separated by semicolons; the last match wins.
import { describe, expect, it } from "vitest";
import {
  evaluateRuleList,
  formatCondition,
  parseCondition,
  parseRuleList,
  RuleListSyntaxError,
} from "../../../src/domain/condition";

const MAU_RULES = "below 40%: Training conversation; below 25%: At-risk escalation";

describe("parseRuleList", () => {
  it("reads each clause's condition and label", () => {
    const clauses = parseRuleList(MAU_RULES);
    expect(clauses.map((c) => [formatCondition(c.condition), c.label, c.text])).toEqual([
      ["below 40%", "Training conversation", "below 40%: Training conversation"],
      ["below 25%", "At-risk escalation", "below 25%: At-risk escalation"],
    ]);
  });

  it("accepts new lines, stray semicolons and quoted text holding ; or :", () => {
    const clauses = parseRuleList('is "a;b: c": Flag;\n\n below 2: Owner\'s call;');
    expect(clauses.map((c) => c.label)).toEqual(["Flag", "Owner's call"]);
    expect(clauses[0].condition).toEqual(parseCondition('is "a;b: c"'));
  });

  it("keeps a colon inside the label", () => {
    expect(parseRuleList("below 5: Debrief: within 2 weeks")[0].label).toBe("Debrief: within 2 weeks");
    expect(parseRuleList("below 5: Training, note: see the playbook")[0].label).toBe(
      "Training, note: see the playbook",
    );
    expect(parseRuleList('below 5: "Training, below 25%: At-risk"')[0].label).toBe(
      '"Training, below 25%: At-risk"',
    );
  });

  it.each([
    ["below 40%: Training, below 25%: At-risk", 1, "Training, below 25%: At-risk"],
    ["below 40%: Training, above 1,200: Large", 1, "Training, above 1,200: Large"],
    ["below 40%: Training; below 30%: Coaching, declines: Watch", 2, "Coaching, declines: Watch"],
    ["below 40%: below 25%: At-risk", 1, "below 25%: At-risk"],
  ])("says to separate clauses with ; when a label holds another clause: %j", (text, clause, label) => {
    let caught: unknown;
    try {
      parseRuleList(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleListSyntaxError);
    expect((caught as RuleListSyntaxError).message).toBe(
      `clause ${clause}: the label "${label}" contains another clause; separate clauses with ";"`,
    );
    expect((caught as RuleListSyntaxError).clause).toBe(clause);
  });

  it.each([
    [
      "",
      'the rule list is empty: expected something like "below 40%: Training conversation; below 25%: At-risk escalation"',
      0,
    ],
    [
      " ; ",
      'the rule list is empty: expected something like "below 40%: Training conversation; below 25%: At-risk escalation"',
      0,
    ],
    [
      "below 40%: Training conversation; below 25%",
      'clause 2 "below 25%" has no label: write it as "below 25%: At-risk escalation"',
      2,
    ],
    ["below 40%:", 'clause 1 "below 40%:" has no label: write it as "below 40%: At-risk escalation"', 1],
    [
      ": Training conversation",
      'clause 1 ": Training conversation" has no condition: write it as "below 40%: Training conversation"',
      1,
    ],
    [
      "below 40%: Training; below blah: At risk",
      'clause 2: could not read "blah" (word 2 of "below blah"): expected a number such as 40%, 4 hours or 7',
      2,
    ],
  ])("rejects %j with a message naming the clause", (text, message, clause) => {
    let caught: unknown;
    try {
      parseRuleList(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleListSyntaxError);
    expect((caught as RuleListSyntaxError).message).toBe(message);
    expect((caught as RuleListSyntaxError).clause).toBe(clause);
  });

  it("keeps the condition's own error for the sidebar to point at the word", () => {
    try {
      parseRuleList("below 40%: A; below blah: B");
      expect.unreachable();
    } catch (error) {
      expect((error as RuleListSyntaxError).conditionError?.word).toBe("blah");
    }
  });
});

describe("evaluateRuleList", () => {
  const clauses = parseRuleList(MAU_RULES);

  it("returns the label of the last matching clause, or OK", () => {
    expect(evaluateRuleList(clauses, [0.5, 0.2]).label).toBe("At-risk escalation");
    expect(evaluateRuleList(clauses, [0.5, 0.3]).label).toBe("Training conversation");
    expect(evaluateRuleList(clauses, [0.5, 0.7]).label).toBe("OK");
  });

  it("gives the matching clause and every clause's result", () => {
    const result = evaluateRuleList(clauses, [0.3]);
    expect(result.clause).toBe(clauses[0]);
    expect(result.results.map((r) => r.matched)).toEqual([true, false]);
  });

  it("surfaces an unreadable value instead of hiding it behind OK", () => {
    const result = evaluateRuleList(clauses, ["lots"]);
    expect(result.label).toBe("OK");
    expect(result.problem).toBe('not a number: "lots"');
  });

  it("passes the Target to misses target", () => {
    const uptime = parseRuleList("misses target: SLA breach");
    expect(evaluateRuleList(uptime, [0.998], { target: parseCondition("at least 99.9%") }).label).toBe(
      "SLA breach",
    );
  });
});
