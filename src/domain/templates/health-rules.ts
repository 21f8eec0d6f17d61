// The health-score triggers every template carries (segment All), in the workbook's one health vocabulary.
import { type RuleTemplateRow, routedRule } from "./template-routing";

/** Which band profile the workbook's Settings › Health bands is: `90/70/50` (four bands) or `90/70` (three). */
export type HealthProfile = "four-band" | "three-band";

/** The profile of a Health bands list: two thresholds are the green/yellow/red profile. */
export function healthProfileOf(bands: readonly number[]): HealthProfile {
  return bands.length === 2 ? "three-band" : "four-band";
}

/**
 * The CS metrics framework's automated health-score triggers, for every segment: a drop of more than
 * 20 points, a decline over consecutive periods, and the bands. Four-band workbooks keep the
 * framework's zones (50–69 intervention, below 50 executive escalation); three-band workbooks
 * (`90/70`) use that profile's responses: yellow (70–89) proactive outreach within 48 hours, red
 * (below 70) executive engagement within 24 hours.
 */
export function healthScoreRules(profile: HealthProfile): RuleTemplateRow[] {
  const rule = (Severity: string, Condition: string, Action: string, within: string) =>
    routedRule(
      { Metric: "Health score", Severity, Condition, "From month": "", Action, "Respond within": within },
      "All",
    );
  const bands =
    profile === "three-band"
      ? [
          rule("Warning", "below 90", "Yellow: proactive outreach to the account's sponsor", "48 hours"),
          rule("Critical", "below 70", "Red: executive engagement; involve the Retention team", "24 hours"),
        ]
      : [
          rule("Warning", "below 70", "Score 50–69: start the structured intervention workflow", "48 hours"),
          rule(
            "Critical",
            "below 50",
            "Score below 50: executive escalation; involve the Retention team",
            "24 hours",
          ),
        ];
  return [
    rule(
      "Critical",
      "drops by more than 20",
      "Score drop over 20 points: review the account and what drove the drop",
      "24 hours",
    ),
    ...bands,
    rule(
      "Warning",
      "declines for 3 consecutive periods",
      "Consecutive decline: analyse the multi-month trend and agree an action plan",
      "5 business days",
    ),
  ];
}
