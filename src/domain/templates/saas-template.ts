// The SaaS setup template (seeds 001–003): 4-band health score, three-band signals, onboarding and support KPIs.
import { COLUMNS } from "../workbook-schema";
import { healthScoreRules } from "./health-rules";
import {
  CATALOG_TEMPLATE_COLUMNS,
  RULES_TEMPLATE_COLUMNS,
  type RuleTemplateRow,
  routedRule,
} from "./template-routing";
import type { TemplateRecord, WorkbookTemplate } from "./template-types";

/*
 * Seed 002's three-band signals become two rules each: yellow → Warning, outreach within 48 hours;
 * red → Critical, executive engagement within 24 hours. Band edges follow the seed: green is
 * strictly above the yellow band (team participation green ">80%", yellow "60-80%"), so yellow starts
 * `at most 80%`. Seed 003's YAML thresholds are written word for word: `<48 hours` → `below 48 hours`,
 * `>80%` → `above 80%`. Its portfolio-level KPIs (retention, churn, conversion, payments) and
 * engineering KPIs (load times, memory, coverage) are not per-account metrics and are left out.
 */

const MONTHLY = "Monthly";
const SLA_REF = "SLA [§ ref]";

type CatalogRecord = TemplateRecord<typeof COLUMNS.kpiCatalog>;

/** An internal catalog row with no contract reference or CPARS area. */
function internal(
  metric: string,
  definition: string,
  target: string,
  measurementMethod: string,
  reportingCadence = MONTHLY,
): CatalogRecord {
  return {
    Metric: metric,
    Category: "Internal",
    "CLIN / QASP ref": "",
    Definition: definition,
    Target: target,
    "Measurement method": measurementMethod,
    "Reporting cadence": reportingCadence,
    "CPARS area": "",
  };
}

/**
 * The SaaS template: seed 001's health model and triggers, seed 002's signals, seed 003's KPIs.
 * Built on each call, a fresh object: a function, so loading the bundle does not build this table.
 */
export const saasTemplate = (): WorkbookTemplate => ({
  id: "saas",
  name: "SaaS (health score and signals)",
  description:
    "Composite health score (usage 40%, outcomes 25%, relationship 20%, growth 15%) with four bands and " +
    "automated triggers; green/yellow/red signals with 48 h / 24 h interventions; onboarding and support KPIs.",
  settings: {
    columns: COLUMNS.settings,
    rows: [
      { Setting: "Fiscal year starts", Value: "January" },
      { Setting: "Health weights", Value: "40/25/20/15" },
      { Setting: "Health bands", Value: "90/70/50" },
      { Setting: "Allowed email domains", Value: "" },
      { Setting: "Reminder every (days)", Value: 7 },
      { Setting: "Scan hour", Value: 7 },
      { Setting: "Sender name", Value: "KPI Steward" },
      { Setting: "Default segment", Value: "Commercial" },
      { Setting: "Company name", Value: "" },
    ],
  },
  kpiCatalog: {
    columns: CATALOG_TEMPLATE_COLUMNS,
    rows: [
      internal(
        "Product usage",
        "Health component, 0-100 (weight 40%): login frequency, feature adoption, session duration, " +
          "workflow completion, data quality",
        "at least 70",
        "Scored by the CSM from product analytics",
      ),
      internal(
        "Business outcomes",
        "Health component, 0-100 (weight 25%): goal achievement, ROI realization, time to value, " +
          "success milestones, business impact",
        "at least 70",
        "Scored by the CSM against the customer's goals",
      ),
      internal(
        "Relationship quality",
        "Health component, 0-100 (weight 20%): CSAT/NPS, communication frequency, executive engagement, " +
          "champion strength, escalation history",
        "at least 70",
        "Scored by the CSM from surveys and meetings",
      ),
      internal(
        "Account growth",
        "Health component, 0-100 (weight 15%): user growth, feature expansion, integration growth, " +
          "contract expansion, referrals",
        "at least 70",
        "Scored by the CSM from usage and billing",
      ),
      internal(
        "Health score",
        "Weighted composite of the four components (Settings › Health weights), e.g. =HEALTH_SCORE() over " +
          "the component rows; 90-100 Excellent, 70-89 Good, 50-69 At Risk (orange), 0-49 Critical (red)",
        "at least 70",
        "Formula over the component rows",
      ),
      internal(
        "ARR",
        "Annual recurring revenue of the account in the period; NRR = latest ARR ÷ Starting ARR",
        "",
        "Billing system",
      ),
      internal(
        "Team participation",
        "Share of the customer's team members actively taking part (green above 80%, yellow 60-80%, " +
          "red below 60%)",
        "above 80%",
        "Product usage analytics",
      ),
      internal(
        "Customer satisfaction",
        "Overall satisfaction on a 1-5 scale (green above 4.5, yellow 3.5-4.5, red below 3.5)",
        "above 4.5",
        "CSAT survey",
      ),
      internal(
        "Support tickets per month",
        "Support tickets the customer opened in the month (green 0-1, yellow 2-3, red more than 3)",
        "at most 1",
        "Ticket system",
      ),
      internal(
        "Platform utilization",
        "Share of available features in use (green above 70%, yellow 50-70%, red below 50%)",
        "above 70%",
        "Product usage analytics",
      ),
      internal(
        "Time to first value",
        "Hours from signup to the first meaningful outcome (time_to_first_value: <48 hours from signup)",
        "below 48 hours",
        "Signup and first-outcome timestamps",
        "Once, at onboarding",
      ),
      internal(
        "Feature discovery rate",
        "Share of new users who find advanced analytics within 7 days (feature_discovery_rate: >80%)",
        "above 80%",
        "Product usage analytics",
      ),
      internal(
        "API activation rate",
        "Share of new subscribers who generate API keys within 14 days (api_activation_rate: >30%)",
        "above 30%",
        "API key log",
      ),
      internal(
        "Onboarding completion",
        "Share of new users who complete the guided tour (onboarding_completion: >90%)",
        "above 90%",
        "Product usage analytics",
      ),
      internal(
        "Support contact rate",
        "Share of new users who need onboarding assistance (support_contact_rate: <15%)",
        "below 15%",
        "Ticket system",
      ),
      {
        Metric: "System uptime",
        Category: "Contract-facing",
        "CLIN / QASP ref": SLA_REF,
        Definition: "Availability post-launch (system_uptime: >99.9%)",
        Target: "above 99.9%",
        "Measurement method": "from Incidents",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Support response time",
        Category: "Contract-facing",
        "CLIN / QASP ref": SLA_REF,
        Definition:
          "Average first response time to the customer's tickets (support_response_time: <24 hours)",
        Target: "below 24 hours",
        "Measurement method": "Ticket system",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Revenue-affecting response time",
        Category: "Contract-facing",
        "CLIN / QASP ref": SLA_REF,
        Definition:
          "First response to revenue-affecting issues such as API failures and billing problems (<4 hour response)",
        Target: "below 4 hours",
        "Measurement method": "Ticket system",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      internal(
        "Support resolution time",
        "Average time to resolve non-critical issues (support_resolution_time: <72 hours)",
        "below 72 hours",
        "Ticket system",
      ),
      internal(
        "First contact resolution",
        "Share of tickets resolved on first contact (first_contact_resolution: >70%)",
        "above 70%",
        "Ticket system",
      ),
      internal(
        "Support ticket volume",
        "Share of monthly active users who needed assistance (support_ticket_volume: <5%)",
        "below 5%",
        "Ticket system ÷ product analytics",
      ),
      internal(
        "User satisfaction rating",
        "Platform rating on a 1-5 scale (user_satisfaction_rating: >4.0/5.0)",
        "above 4.0",
        "In-app rating",
      ),
      internal(
        "Net Promoter Score",
        "NPS from -100 to 100 (net_promoter_score: >50)",
        "above 50",
        "NPS survey",
        "Quarterly",
      ),
    ].map((row) => ({ ...row, Segment: "All" })),
  },
  escalationRules: {
    columns: RULES_TEMPLATE_COLUMNS,
    rows: [
      ...healthScoreRules("four-band"),
      // The SLA requirements the customer signed: a miss is a breach of what they were promised.
      ...slaRules(),
      ...signalRules("Team participation", "at most 80%", "below 60%"),
      ...signalRules("Customer satisfaction", "at most 4.5", "below 3.5"),
      ...signalRules("Support tickets per month", "above 1", "above 3"),
      ...signalRules("Platform utilization", "at most 70%", "below 50%"),
    ],
  },
  sampleAccount: {
    tabName: "Sample Customer",
    account: "Sample Customer",
    ownerEmail: "cs.owner@example.com",
    goLive: "2026-03-01",
    provisionedUsers: 40,
    startingArr: 24000,
    contract: "Annual subscription · Professional tier",
    periods: ["2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01"],
    metrics: [
      {
        metric: "Product usage",
        category: "Internal",
        target: "at least 70",
        values: [82, 85, 79, 74, 80, 86],
        numberFormat: "0",
      },
      {
        metric: "Business outcomes",
        category: "Internal",
        target: "at least 70",
        values: [70, 74, 72, 70, 75, 80],
        numberFormat: "0",
      },
      {
        metric: "Relationship quality",
        category: "Internal",
        target: "at least 70",
        values: [88, 90, 84, 80, 85, 88],
        numberFormat: "0",
      },
      {
        metric: "Account growth",
        category: "Internal",
        target: "at least 70",
        values: [60, 62, 62, 64, 70, 72],
        numberFormat: "0",
      },
      {
        metric: "Health score",
        category: "Internal",
        target: "at least 70",
        values: [77, 80, 76, 73, 78, 83],
        numberFormat: "0",
      },
      {
        metric: "ARR",
        category: "Internal",
        target: "",
        values: [24000, 24000, 24000, 24000, 30000, 30000],
        numberFormat: "$#,##0",
      },
      {
        metric: "Team participation",
        category: "Internal",
        target: "above 80%",
        values: [0.72, 0.78, 0.81, 0.84, 0.86, 0.88],
        numberFormat: "0%",
      },
      {
        metric: "Customer satisfaction",
        category: "Internal",
        target: "above 4.5",
        values: [4.4, 4.6, 4.6, 4.3, 4.6, 4.7],
        numberFormat: "0.0",
      },
      {
        metric: "Support tickets per month",
        category: "Internal",
        target: "at most 1",
        values: [4, 2, 1, 3, 1, 0],
        numberFormat: "0",
      },
      {
        metric: "Platform utilization",
        category: "Internal",
        target: "above 70%",
        values: [0.55, 0.62, 0.68, 0.71, 0.74, 0.77],
        numberFormat: "0%",
      },
      {
        metric: "Time to first value",
        category: "Internal",
        target: "below 48 hours",
        values: [30, "", "", "", "", ""],
        numberFormat: "0",
      },
      {
        metric: "Feature discovery rate",
        category: "Internal",
        target: "above 80%",
        values: [0.72, 0.81, 0.84, 0.86, 0.88, 0.9],
        numberFormat: "0%",
      },
      {
        metric: "Net Promoter Score",
        category: "Internal",
        target: "above 50",
        values: ["", "", 45, "", "", 55],
        numberFormat: "0",
      },
      {
        metric: "System uptime",
        category: "Contract-facing",
        target: "above 99.9%",
        values: [0.9995, 0.9993, 0.9987, 0.9996, 0.9999, 0.9994],
        numberFormat: "0.00%",
      },
    ],
  },
});

/** {@link saasTemplate} as a value, for tests and scripts; the bundle drops it unless something reads it. */
export const SAAS_TEMPLATE: WorkbookTemplate = /* @__PURE__ */ saasTemplate();

/** Seed 002's two interventions for one signal: yellow band → Warning in 48 h, red band → Critical in 24 h. */
/** Escalation rules of the SLA requirement KPIs (uptime, first response, resolution, the 4-hour revenue tier). */
function slaRules(): RuleTemplateRow[] {
  const rule = (Metric: string, Severity: string, Action: string, within: string) =>
    routedRule(
      { Metric, Severity, Condition: "misses target", "From month": "", Action, "Respond within": within },
      "All",
    );
  return [
    rule(
      "System uptime",
      "Critical",
      "Uptime SLA missed: declare an incident, tell the customer's admin the same day, root-cause summary within 5 business days",
      "immediately; root-cause summary within 5 business days",
    ),
    rule(
      "Revenue-affecting response time",
      "Critical",
      "Revenue-affecting issue answered late: escalate to the support lead and call the customer's admin",
      "4 hours",
    ),
    rule(
      "Support response time",
      "Warning",
      "First-response SLA missed: review the queue and staffing with the support lead",
      "24 hours",
    ),
    rule(
      "Support resolution time",
      "Warning",
      "Resolution time over target: review open tickets with the customer and agree dates",
      "48 hours",
    ),
  ];
}

function signalRules(metric: string, yellow: string, red: string): RuleTemplateRow[] {
  return (
    [
      {
        Metric: metric,
        Severity: "Warning",
        Condition: yellow,
        "From month": "",
        Action: "Yellow health signal: proactive customer success outreach",
        "Respond within": "48 hours",
      },
      {
        Metric: metric,
        Severity: "Critical",
        Condition: red,
        "From month": "",
        Action: "Red health signal: executive engagement and retention planning",
        "Respond within": "24 hours",
      },
    ] as TemplateRecord<typeof COLUMNS.escalationRules>[]
  ).map((rule) => routedRule(rule, "All"));
}
