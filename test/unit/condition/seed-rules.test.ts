// Every escalation rule, threshold and target of seeds 000–004, written in the condition language and checked on realistic rows.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import {
  evaluateCondition,
  evaluateRuleList,
  parseCondition,
  parseRuleList,
} from "../../../src/domain/condition";

/** A Sheets duration cell (Date on the 1899-12-30 epoch) holding `hours`, read on the UTC wall clock. */
function hoursCell(hours: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + hours * 3_600_000);
}

interface SeedRule {
  seed: string;
  /** What the seed says, as written there. */
  source: string;
  condition: string;
  /** A row (oldest → newest) on which the rule fires / the target is met. */
  holds: CellValue[];
  /** A row on which it does not. */
  fails: CellValue[];
  target?: string;
}

const SEED_RULES: SeedRule[] = [
  // 000 — contract-facing targets (KPI Catalog `Target`).
  {
    seed: "000",
    source: "System uptime target 99.9%",
    condition: "at least 99.9%",
    holds: [0.9991],
    fails: [0.9985],
  },
  {
    seed: "000",
    source: "System uptime target 99.5%",
    condition: "at least 99.5%",
    holds: [0.996],
    fails: [0.99],
  },
  {
    seed: "000",
    source: "MTTR P1 target 4 hours",
    condition: "at most 4 hours",
    holds: [hoursCell(3.5)],
    fails: [hoursCell(6)],
  },
  { seed: "000", source: "POA&M closure 90%+ on-schedule", condition: "90%+", holds: [0.9], fails: [0.85] },
  {
    seed: "000",
    source: "Control deviations: zero unauthorized",
    condition: "at most 0",
    holds: [0],
    fails: [1],
  },
  {
    seed: "000",
    source: "Deliverable schedule adherence 100%",
    condition: "at least 100%",
    holds: [1],
    fails: [0.95],
  },
  // 000 — internal targets.
  { seed: "000", source: "MAU 70%+ of provisioned users", condition: "70%+", holds: [0.72], fails: [0.69] },
  {
    seed: "000",
    source: "Support ticket trend flat or declining (MoM change)",
    condition: "at most 0%",
    holds: [-0.05],
    fails: [0.08],
  },
  {
    seed: "000",
    source: "Sponsor engagement 100% of touchpoints held",
    condition: "at least 100%",
    holds: [1],
    fails: [0.5],
  },
  { seed: "000", source: "Internal NPS 7+", condition: "7+", holds: [7], fails: [6] },
  // 000 — escalation thresholds and matrix.
  {
    seed: "000",
    source: "MAU below 40% → training conversation",
    condition: "below 40%",
    holds: [0.45, 0.38],
    fails: [0.38, 0.41],
  },
  {
    seed: "000",
    source: "MAU below 25% → at-risk escalation",
    condition: "below 25%",
    holds: [0.3, 0.22],
    fails: [0.22, 0.26],
  },
  { seed: "000", source: "MAU typed as text", condition: "below 40%", holds: ["38%"], fails: ["45%"] },
  {
    seed: "000",
    source: "Single-feature usage by 80%+ of MAUs",
    condition: "at least 80%",
    holds: [0.83],
    fails: [0.6],
  },
  {
    seed: "000",
    source: "Rising ticket volume in Month 4+",
    condition: "rises",
    holds: [3.1, 3.4],
    fails: [3.4, 3.1],
  },
  {
    seed: "000",
    source: "Two consecutive missed touchpoints",
    condition: "below 100% for 2 consecutive periods",
    holds: [1, 0.5, 0.5],
    fails: [0.5, 1, 0.5],
  },
  {
    seed: "000",
    source: "Internal NPS below 6 → debrief",
    condition: "below 6",
    holds: [7, 5.5],
    fails: [5, 6],
  },
  { seed: "000", source: "Internal NPS below 5 → escalation", condition: "below 5", holds: [4], fails: [5] },
  {
    seed: "000",
    source: "SLA breach: uptime below threshold",
    condition: "misses target",
    target: "at least 99.9%",
    holds: [0.9995, 0.9982],
    fails: [0.9982, 0.9995],
  },
  {
    seed: "000",
    source: "POA&M closure rate below 80%",
    condition: "below 80%",
    holds: [0.75],
    fails: [0.8],
  },
  {
    seed: "000",
    source: "Unauthorized boundary change detected",
    condition: "is Yes",
    holds: ["No", true],
    fails: ["Yes", "No"],
  },
  {
    seed: "000",
    source: "Boundary change noted as free text",
    condition: "is not blank",
    holds: ["", "reverted"],
    fails: ["", ""],
  },
  { seed: "000", source: "MTTR typed as hours", condition: "above 4 hours", holds: [6], fails: [4] },
  {
    seed: "000",
    source: "MTTR as a duration cell",
    condition: "above 4 hours",
    holds: [hoursCell(6)],
    fails: [hoursCell(4)],
  },
  {
    seed: "000",
    source: "MTTR typed as text",
    condition: "above 4 hours",
    holds: ["5 hrs"],
    fails: ["4 hrs"],
  },
  // 001 — automated response triggers and bands.
  {
    seed: "001",
    source: "Score drop >20 points",
    condition: "drops by more than 20 points",
    holds: [85, 64],
    fails: [85, 65],
  },
  {
    seed: "001",
    source: "Score drop >20 (as typed)",
    condition: "drops > 20",
    holds: [85, 64],
    fails: [64, 85],
  },
  { seed: "001", source: "Orange zone entry", condition: "falls below 70", holds: [72, 66], fails: [68, 66] },
  { seed: "001", source: "Red zone entry", condition: "falls below 50", holds: [55, 45], fails: [45, 40] },
  {
    seed: "001",
    source: "Consecutive decline",
    condition: "declines for 3 consecutive periods",
    holds: [80, 75, 70, 66],
    fails: [80, 75, 76, 66],
  },
  { seed: "001", source: "Excellent band 90-100", condition: "at least 90", holds: [93], fails: [89] },
  { seed: "001", source: "Good band 70-89", condition: "between 70 and 89", holds: [75], fails: [69] },
  { seed: "001", source: "NRR at least 100%", condition: "at least 100%", holds: [1.04], fails: [0.97] },
  // 002 — MVP targets.
  { seed: "002", source: "MRR $500+", condition: "$500+", holds: [520], fails: [480] },
  { seed: "002", source: "CAC <$1,200 per team", condition: "< $1,200", holds: [1100], fails: ["$1,250"] },
  { seed: "002", source: "Demo-to-trial >15%", condition: "> 15%", holds: [0.18], fails: [0.15] },
  { seed: "002", source: "CSAT >4.5/5", condition: "> 4.5", holds: [4.6], fails: [4.5] },
  { seed: "002", source: "NPS >50", condition: "> 50", holds: [55], fails: [50] },
  { seed: "002", source: "Churn <5% monthly", condition: "< 5%", holds: [0.03], fails: [0.06] },
  { seed: "002", source: "Platform uptime >99.9%", condition: "> 99.9%", holds: [0.9995], fails: [0.999] },
  {
    seed: "002",
    source: "Response time <2 seconds",
    condition: "< 2 seconds",
    holds: [1.4],
    fails: ["2.5 s"],
  },
  {
    seed: "002",
    source: "Support response <4 hours",
    condition: "< 4 hours",
    holds: ["3 hrs"],
    fails: [hoursCell(5)],
  },
  // 002 — three-band profile signals.
  { seed: "002", source: "Green: decision volume >5/week", condition: "above 5", holds: [6], fails: [5] },
  {
    seed: "002",
    source: "Yellow: decision volume 3-5/week",
    condition: "between 3 and 5",
    holds: [4],
    fails: [2],
  },
  {
    seed: "002",
    source: "Red: team participation <60%",
    condition: "below 60%",
    holds: [0.55],
    fails: [0.65],
  },
  {
    seed: "002",
    source: "Yellow: team participation 60-80%",
    condition: "between 60% and 80%",
    holds: [0.7],
    fails: [0.85],
  },
  { seed: "002", source: "Red: satisfaction <3.5/5", condition: "below 3.5", holds: [3.2], fails: [3.9] },
  {
    seed: "002",
    source: "Red: utilization <50% of features",
    condition: "below 50%",
    holds: [0.4],
    fails: [0.6],
  },
  { seed: "002", source: "Green: support tickets 0-1/month", condition: "at most 1", holds: [1], fails: [2] },
  { seed: "002", source: "Red: support tickets >3/month", condition: "above 3", holds: [4], fails: [3] },
  {
    seed: "002",
    source: "Red health below 70 points",
    condition: "below 70 points",
    holds: [65],
    fails: [70],
  },
  // 003 — threshold expressions as written in the YAML.
  {
    seed: "003",
    source: 'time_to_first_value "<48 hours"',
    condition: "<48 hours",
    holds: ["36 hrs"],
    fails: [hoursCell(50)],
  },
  { seed: "003", source: 'feature_discovery_rate ">80%"', condition: ">80%", holds: [0.85], fails: [0.8] },
  { seed: "003", source: 'system_uptime ">99.9%"', condition: ">99.9%", holds: [0.9992], fails: [0.998] },
  {
    seed: "003",
    source: 'dashboard_load_time "<2 seconds"',
    condition: "<2 seconds",
    holds: [1.2],
    fails: [2.2],
  },
  { seed: "003", source: 'api_response_time "<500ms"', condition: "<500ms", holds: [420], fails: ["0.6 s"] },
  { seed: "003", source: 'error_rate "<0.1%"', condition: "<0.1%", holds: [0.0005], fails: [0.002] },
  {
    seed: "003",
    source: 'support_response_time "<24 hours"',
    condition: "<24 hours",
    holds: [hoursCell(20)],
    fails: ["2 days"],
  },
  {
    seed: "003",
    source: 'support_resolution_time "<72 hours"',
    condition: "<72 hours",
    holds: ["2 days"],
    fails: ["4 days"],
  },
  {
    seed: "003",
    source: 'user_satisfaction_rating ">4.0/5.0"',
    condition: ">4.0",
    holds: [4.2],
    fails: [3.9],
  },
  { seed: "003", source: 'monthly_retention_rate ">90%"', condition: ">90%", holds: [0.93], fails: [0.88] },
  { seed: "003", source: 'involuntary_churn "<3% monthly"', condition: "<3%", holds: [0.02], fails: [0.04] },
  {
    seed: "003",
    source: 'security_validation "Zero critical vulnerabilities"',
    condition: "at most 0",
    holds: [0],
    fails: [2],
  },
  {
    seed: "003",
    source: "Churn risk: usage decline",
    condition: "declines for 2 consecutive months",
    holds: [50, 45, 40],
    fails: [50, 45, 46],
  },
  // 004 — NRR targets and expansion-readiness triggers.
  {
    seed: "004",
    source: "Account NRR 120-130% (Month 24)",
    condition: "at least 120%",
    holds: [1.24],
    fails: [1.1],
  },
  { seed: "004", source: "Gross revenue retention 95%+", condition: "95%+", holds: [0.96], fails: [0.93] },
  { seed: "004", source: "User growth +25-40%", condition: "at least 25%", holds: [0.3], fails: [0.2] },
  {
    seed: "004",
    source: "Time since go-live at least 90 days",
    condition: "at least 90 days",
    holds: [120],
    fails: [60],
  },
  {
    seed: "004",
    source: "User adoption at least 60%",
    condition: "at least 60%",
    holds: [0.62],
    fails: [0.55],
  },
  { seed: "004", source: "No P1 or P2 open tickets", condition: "at most 0", holds: [0], fails: [1] },
  { seed: "004", source: "No open POA&M items past due", condition: "equals 0", holds: [0], fails: [2] },
  {
    seed: "004",
    source: "ISSO confirmed authorization in writing",
    condition: "is Yes",
    holds: ["Y"],
    fails: ["N"],
  },
  { seed: "004", source: "Agency interest signal", condition: "is Yes", holds: [true], fails: [false] },
];

describe("the seeds' rules, thresholds and targets", () => {
  it.each(SEED_RULES)("$seed: $source as “$condition”", (rule) => {
    const condition = parseCondition(rule.condition);
    const context = rule.target ? { target: parseCondition(rule.target) } : {};
    const holds = evaluateCondition(condition, rule.holds, context);
    const fails = evaluateCondition(condition, rule.fails, context);
    expect(holds.problem).toBeUndefined();
    expect(fails.problem).toBeUndefined();
    expect(holds.matched).toBe(true);
    expect(fails.matched).toBe(false);
  });

  it("000: MAU thresholds as one THRESHOLD_STATUS rule list", () => {
    const rules = parseRuleList("below 40%: Training conversation; below 25%: At-risk escalation");
    expect(evaluateRuleList(rules, [0.52, 0.38]).label).toBe("Training conversation");
    expect(evaluateRuleList(rules, [0.52, 0.22]).label).toBe("At-risk escalation");
    expect(evaluateRuleList(rules, [0.52, 0.71]).label).toBe("OK");
  });

  it("000: internal NPS thresholds as one rule list", () => {
    const rules = parseRuleList(
      "below 6: Structured debrief within 2 weeks; below 5: Escalate to First-SKU Launch Lead",
    );
    expect(evaluateRuleList(rules, [8, 5.5]).label).toBe("Structured debrief within 2 weeks");
    expect(evaluateRuleList(rules, [8, 4]).label).toBe("Escalate to First-SKU Launch Lead");
  });

  it("001: health bands as a rule list, mildest first", () => {
    const rules = parseRuleList("below 90: Good; below 70: At Risk; below 50: Critical");
    expect([95, 80, 60, 30].map((score) => evaluateRuleList(rules, [score]).label)).toEqual([
      "OK",
      "Good",
      "At Risk",
      "Critical",
    ]);
  });

  it("001: automated triggers together on one health-score row", () => {
    const rules = parseRuleList(
      "drops by more than 20 points: CSM review; falls below 70: Orange zone; declines for 3 consecutive periods: Decline review",
    );
    expect(evaluateRuleList(rules, [92, 90, 88, 66]).results.map((r) => r.matched)).toEqual([
      true,
      true,
      true,
    ]);
    expect(evaluateRuleList(rules, [92, 90, 88, 66]).label).toBe("Decline review");
    expect(evaluateRuleList(rules, [92, 93, 88, 85]).label).toBe("OK");
  });
});
