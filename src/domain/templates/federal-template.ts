// The federal setup template (seeds 000 and 004): contract-facing QASP metrics, internal health, escalation matrix.
import { COLUMNS } from "../workbook-schema";
import { healthScoreRules } from "./health-rules";
import {
  CATALOG_TEMPLATE_COLUMNS,
  type CatalogTemplateRow,
  RULES_TEMPLATE_COLUMNS,
  routedRule,
} from "./template-routing";
import type { TemplateRecord, WorkbookTemplate } from "./template-types";

/*
 * CPARS areas (seed 000 names the four areas; the mapping is ours): uptime and P1 remediation are
 * service quality → Quality; on-time deliverables → Schedule; POA&M closure and control deviations
 * are how the contractor manages its authorization (ConMon) obligations → Management. Nothing here is
 * priced, so no metric maps to Cost.
 *
 * Rule timelines follow seed 000's escalation matrix. Where the seed gives no timeline (MAU below
 * 40 %, MTTR, deliverables, control deviations, sponsor engagement, ticket trend) we chose one a CS
 * lead would hold themselves to, and say so in the report. "At quarterly ISSO review" (POA&M closure)
 * is not a duration; the rule says so in its Action and asks for the plan within 2 weeks.
 */

const MONTHLY = "Monthly";
const SLA_REF = "[CLIN 0001] · QASP [§ ref]";
const CONMON_REF = "[CLIN 0001] · QASP / ConMon plan [§ ref]";
const DELIVERABLES_REF = "[CLIN 0001] · SOW deliverables [§ ref]";

/** Catalog metrics that only an agency contract has (CLIN/QASP metrics, POA&M, ISSO, boundary, agency signals). */
const FEDERAL_ONLY_METRICS = [
  "Unauthorized boundary change",
  "Past-due POA&M items",
  "ISSO written confirmation",
  "Agency interest signal",
];

/** The federal catalog's rows with their Segment: contract-facing and agency-only metrics Federal, the rest All. */
function withCatalogSegments(rows: TemplateRecord<typeof COLUMNS.kpiCatalog>[]): CatalogTemplateRow[] {
  return rows.map((row) => ({
    ...row,
    Segment:
      row.Category === "Contract-facing" || FEDERAL_ONLY_METRICS.includes(String(row.Metric))
        ? "Federal"
        : "All",
  }));
}

/**
 * The federal template: seed 000's QASP-aligned and internal metrics, seed 004's expansion triggers.
 * Built on each call, a fresh object: a function, so loading the bundle (every custom-function call)
 * does not compile and build this table.
 */
export const federalTemplate = (): WorkbookTemplate => ({
  id: "federal",
  name: "Federal (QASP / CPARS)",
  description:
    "Contract-facing metrics tied to CLIN deliverables and the QASP, reported to the contracting officer; " +
    "internal health metrics; the quarterly outcome-review escalation matrix; expansion-readiness triggers.",
  settings: {
    columns: COLUMNS.settings,
    rows: [
      { Setting: "Fiscal year starts", Value: "October" },
      { Setting: "Health weights", Value: "40/25/20/15" },
      { Setting: "Health bands", Value: "90/70/50" },
      { Setting: "Allowed email domains", Value: "" },
      { Setting: "Reminder every (days)", Value: 7 },
      { Setting: "Scan hour", Value: 7 },
      { Setting: "Sender name", Value: "KPI Steward" },
      { Setting: "Default segment", Value: "Federal" },
      { Setting: "Company name", Value: "" },
    ],
  },
  kpiCatalog: {
    columns: CATALOG_TEMPLATE_COLUMNS,
    rows: withCatalogSegments([
      {
        Metric: "System uptime",
        Category: "Contract-facing",
        "CLIN / QASP ref": SLA_REF,
        Definition:
          "Percentage of scheduled hours the product is available and responding within SLA response " +
          "thresholds. Set the target from the SLA (typically 99.5% or 99.9%).",
        Target: "at least 99.5%",
        "Measurement method": "from Incidents",
        "Reporting cadence": "Monthly to CO; quarterly summary to agency PM",
        "CPARS area": "Quality",
      },
      {
        Metric: "Mean time to remediate (MTTR) - P1",
        Category: "Contract-facing",
        "CLIN / QASP ref": SLA_REF,
        Definition:
          "Average time from P1 incident declaration to resolution, in hours (blank in a month with no P1). " +
          "Set the target from the SLA (typically 4 hours).",
        Target: "at most 4 hours",
        "Measurement method": "from Incidents",
        "Reporting cadence": "Reported per incident; summarized quarterly",
        "CPARS area": "Quality",
      },
      {
        Metric: "POA&M closure rate",
        Category: "Contract-facing",
        "CLIN / QASP ref": CONMON_REF,
        Definition: "Percentage of open POA&M items closed by their scheduled completion date",
        Target: "at least 90%",
        "Measurement method": "ConMon POA&M log; 3PAO assessment findings",
        "Reporting cadence": "Quarterly to agency ISSO",
        "CPARS area": "Management",
      },
      {
        Metric: "Control deviation rate",
        Category: "Contract-facing",
        "CLIN / QASP ref": CONMON_REF,
        Definition:
          "Number of unauthorized security control deviations identified per quarter relative to the SSP baseline",
        Target: "at most 0",
        "Measurement method": "ConMon scans; ISSO review",
        "Reporting cadence": "Quarterly to agency ISSO",
        "CPARS area": "Management",
      },
      {
        Metric: "Deliverable schedule adherence",
        Category: "Contract-facing",
        "CLIN / QASP ref": DELIVERABLES_REF,
        Definition:
          "Percentage of contractually required deliverables (e.g., status reports, ConMon evidence packages) " +
          "submitted on or before the due date",
        Target: "at least 100%",
        "Measurement method": "Contract deliverable log",
        "Reporting cadence": MONTHLY,
        "CPARS area": "Schedule",
      },
      {
        Metric: "Monthly active users (MAU)",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Users who logged in and performed at least one action in the trailing 30 days, as a share of " +
          "provisioned users (enter 62% for 155 of 250)",
        Target: "at least 70%",
        "Measurement method": "Product usage analytics ÷ Provisioned users",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Feature utilization depth",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Number of distinct features used per active user per month. Set the target once the product " +
          "feature set is defined.",
        Target: "",
        "Measurement method": "Product usage analytics",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Single-feature users",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Share of monthly active users who used only one feature in the month; 80%+ signals a potential " +
          "expansion or training gap",
        Target: "below 80%",
        "Measurement method": "Product usage analytics",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Support ticket trend",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Month-over-month change in support ticket volume per 100 users (+10% = volume rose by a tenth); " +
          "flat or declining after Month 3",
        Target: "at most 0%",
        "Measurement method": "Ticket system",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Sponsor engagement",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Scheduled touchpoints held with the agency PM and ISSO as a share of the planned cadence",
        Target: "at least 100%",
        "Measurement method": "Customer Success meeting log",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Internal NPS",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          'Quarterly single-question survey to agency PM and ISSO: "How likely are you to recommend ' +
          '[Product Name] to a colleague at another agency?" (0-10 scale; the average answer)',
        Target: "at least 7",
        "Measurement method": "Survey of agency PM and ISSO",
        "Reporting cadence": "Quarterly",
        "CPARS area": "",
      },
      {
        Metric: "Unauthorized boundary change",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Yes when a change to the authorization boundary without ISSO approval was detected in the period",
        Target: "is No",
        "Measurement method": "ConMon scans; change log",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Open P1/P2 tickets",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition: "P1 or P2 support tickets open at the end of the period (expansion trigger: none open)",
        Target: "at most 0",
        "Measurement method": "Ticket system",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Past-due POA&M items",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Open POA&M items past their scheduled completion date (expansion trigger: none past due)",
        Target: "at most 0",
        "Measurement method": "ConMon POA&M log",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "ISSO written confirmation",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Yes once the ISSO has confirmed the authorization posture in writing since go-live (expansion trigger)",
        Target: "is Yes",
        "Measurement method": "Written confirmation email",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Agency interest signal",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Yes once the PM or ISSO has asked about additional capabilities (organic signal; expansion trigger)",
        Target: "is Yes",
        "Measurement method": "Meeting notes or email",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Product usage",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Health component, 0-100 (weight 40%): login frequency, feature adoption, session duration, " +
          "workflow completion, data quality",
        Target: "at least 70",
        "Measurement method": "Scored by the CSM from product analytics",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Business outcomes",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Health component, 0-100 (weight 25%): goal achievement, ROI realization, time to value, " +
          "success milestones, mission impact",
        Target: "at least 70",
        "Measurement method": "Scored by the CSM against the agreed outcomes",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Relationship quality",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Health component, 0-100 (weight 20%): satisfaction, communication frequency, sponsor engagement, " +
          "champion strength, escalation history",
        Target: "at least 70",
        "Measurement method": "Scored by the CSM from surveys and meeting log",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Account growth",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Health component, 0-100 (weight 15%): user growth, feature expansion, integration growth, " +
          "contract expansion, referrals",
        Target: "at least 70",
        "Measurement method": "Scored by the CSM from usage and contract data",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "Health score",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Weighted composite of the four components (Settings › Health weights), e.g. =HEALTH_SCORE() over " +
          "the component rows; bands 90/70/50: Excellent, Good, At Risk, Critical",
        Target: "at least 70",
        "Measurement method": "Formula over the component rows",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
      {
        Metric: "ARR",
        Category: "Internal",
        "CLIN / QASP ref": "",
        Definition:
          "Annual recurring revenue of the account in the period (user count × CLIN 0001 rate, plus added " +
          "CLINs); NRR = latest ARR ÷ Starting ARR",
        Target: "",
        "Measurement method": "Contract and modifications",
        "Reporting cadence": MONTHLY,
        "CPARS area": "",
      },
    ]),
  },
  escalationRules: {
    columns: RULES_TEMPLATE_COLUMNS,
    rows: [
      // The escalation matrix speaks to agencies (agency PM, ISSO, CPARS): federal accounts only.
      ...[
        {
          Metric: "System uptime",
          Severity: "Critical",
          Condition: "misses target over any rolling 7 days",
          "From month": "",
          Action:
            "SLA breach: declare an incident; notify the agency PM the same day; root cause report due within " +
            "5 business days",
          "Respond within": "immediately; root cause report within 5 business days",
        },
        {
          Metric: "Mean time to remediate (MTTR) - P1",
          Severity: "Warning",
          Condition: "above 4 hours",
          "From month": "",
          Action: "P1 remediation over the SLA: review root causes with engineering; report to the agency PM",
          "Respond within": "5 business days",
        },
        {
          Metric: "POA&M closure rate",
          Severity: "Warning",
          Condition: "below 80%",
          "From month": "",
          Action:
            "Authorization Architect escalates to the agency ISSO at the quarterly ISSO review; remediation " +
            "plan with new dates; notify the First-SKU Launch Lead",
          "Respond within": "2 weeks",
        },
        {
          Metric: "Control deviation rate",
          Severity: "Critical",
          Condition: "above 0",
          "From month": "",
          Action:
            "Unauthorized control deviation: notify the agency ISSO; document in the ConMon log; open a POA&M item",
          "Respond within": "24 hours",
        },
        {
          Metric: "Unauthorized boundary change",
          Severity: "Critical",
          Condition: "is Yes",
          "From month": "",
          Action:
            "Immediately reverse the change; notify the agency ISSO; document in the ConMon log; open an " +
            "emergency POA&M",
          "Respond within": "24 hours",
        },
        {
          Metric: "Deliverable schedule adherence",
          Severity: "Warning",
          Condition: "misses target",
          "From month": "",
          Action: "Late contract deliverable: submit it and give the agency PM a recovery date",
          "Respond within": "5 business days",
        },
        {
          Metric: "Monthly active users (MAU)",
          Severity: "Watch",
          Condition: "below 40%",
          "From month": "",
          Action: "Training conversation with the agency PM",
          "Respond within": "2 weeks",
        },
        {
          Metric: "Monthly active users (MAU)",
          Severity: "Critical",
          Condition: "below 25%",
          "From month": 3,
          Action:
            "At-risk account flag; Customer Success + Federal Posture Lead joint call with the agency PM; " +
            "training and adoption plan",
          "Respond within": "5 business days",
        },
        {
          Metric: "Single-feature users",
          Severity: "Watch",
          Condition: "at least 80%",
          "From month": "",
          Action: "Most users rely on one feature: assess an expansion opportunity or a training gap",
          "Respond within": "2 weeks",
        },
        {
          Metric: "Support ticket trend",
          Severity: "Watch",
          Condition: "above 0%",
          "From month": 4,
          Action: "Rising ticket volume after Month 3: review ticket themes for a product or onboarding gap",
          "Respond within": "2 weeks",
        },
        {
          Metric: "Sponsor engagement",
          Severity: "Warning",
          Condition: "below 100% for 2 consecutive periods",
          "From month": "",
          Action: "Two consecutive missed touchpoints: escalate to the Federal Posture Lead",
          "Respond within": "5 business days",
        },
        {
          Metric: "Internal NPS",
          Severity: "Warning",
          Condition: "below 6",
          "From month": "",
          Action: "Structured debrief with the agency PM and ISSO",
          "Respond within": "2 weeks",
        },
        {
          Metric: "Internal NPS",
          Severity: "Critical",
          Condition: "below 5",
          "From month": "",
          Action:
            "Structured debrief with the agency PM; escalate to the First-SKU Launch Lead; improvement plan " +
            "drafted within 2 weeks",
          "Respond within": "10 business days",
        },
      ].map((rule) => routedRule(rule, "Federal")),
      ...healthScoreRules("four-band"),
    ],
  },
  sampleAccount: {
    tabName: "Sample Agency",
    account: "Sample Agency",
    ownerEmail: "cs.owner@example.gov",
    goLive: "2026-04-01",
    provisionedUsers: 250,
    startingArr: 180000,
    contract: "[Contract number] · CLIN 0001 subscription, CLIN 0002 onboarding",
    periods: ["2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01"],
    metrics: [
      {
        metric: "System uptime",
        category: "Contract-facing",
        target: "at least 99.5%",
        values: [0.9991, 0.9987, 0.9942, 0.9995, 0.9989, 0.9993],
        numberFormat: "0.00%",
      },
      {
        metric: "Mean time to remediate (MTTR) - P1",
        category: "Contract-facing",
        target: "at most 4 hours",
        values: ["", 3.5, 5.2, 2.8, "", 3.1],
        numberFormat: "0.0",
      },
      {
        metric: "POA&M closure rate",
        category: "Contract-facing",
        target: "at least 90%",
        values: ["", "", 0.86, "", "", 0.92],
        numberFormat: "0%",
      },
      {
        metric: "Control deviation rate",
        category: "Contract-facing",
        target: "at most 0",
        values: ["", "", 0, "", "", 0],
        numberFormat: "0",
      },
      {
        metric: "Deliverable schedule adherence",
        category: "Contract-facing",
        target: "at least 100%",
        values: [1, 1, 0.75, 1, 1, 1],
        numberFormat: "0%",
      },
      {
        metric: "Monthly active users (MAU)",
        category: "Internal",
        target: "at least 70%",
        values: [0.31, 0.38, 0.47, 0.55, 0.61, 0.64],
        numberFormat: "0%",
      },
      {
        metric: "Feature utilization depth",
        category: "Internal",
        target: "",
        values: [1.4, 1.9, 2.3, 2.8, 3.1, 3.4],
        numberFormat: "0.0",
      },
      {
        metric: "Single-feature users",
        category: "Internal",
        target: "below 80%",
        values: [0.85, 0.78, 0.7, 0.62, 0.55, 0.5],
        numberFormat: "0%",
      },
      {
        metric: "Support ticket trend",
        category: "Internal",
        target: "at most 0%",
        values: ["", -0.1, 0.05, -0.12, -0.08, -0.04],
        numberFormat: "+0%;-0%;0%",
      },
      {
        metric: "Sponsor engagement",
        category: "Internal",
        target: "at least 100%",
        values: [1, 1, 0.5, 1, 1, 1],
        numberFormat: "0%",
      },
      {
        metric: "Internal NPS",
        category: "Internal",
        target: "at least 7",
        values: ["", "", 7.5, "", "", 8],
        numberFormat: "0.0",
      },
      {
        metric: "Unauthorized boundary change",
        category: "Internal",
        target: "is No",
        values: ["No", "No", "No", "No", "No", "No"],
      },
      {
        metric: "Open P1/P2 tickets",
        category: "Internal",
        target: "at most 0",
        values: [2, 1, 1, 0, 0, 0],
        numberFormat: "0",
      },
      {
        metric: "Past-due POA&M items",
        category: "Internal",
        target: "at most 0",
        values: [0, 1, 0, 0, 0, 0],
        numberFormat: "0",
      },
      {
        metric: "ISSO written confirmation",
        category: "Internal",
        target: "is Yes",
        values: ["No", "No", "Yes", "Yes", "Yes", "Yes"],
      },
      {
        metric: "Agency interest signal",
        category: "Internal",
        target: "is Yes",
        values: ["No", "No", "No", "No", "Yes", "Yes"],
      },
      {
        metric: "Product usage",
        category: "Internal",
        target: "at least 70",
        values: [45, 52, 60, 68, 74, 78],
        numberFormat: "0",
      },
      {
        metric: "Business outcomes",
        category: "Internal",
        target: "at least 70",
        values: [55, 58, 62, 66, 70, 72],
        numberFormat: "0",
      },
      {
        metric: "Relationship quality",
        category: "Internal",
        target: "at least 70",
        values: [70, 72, 65, 74, 78, 80],
        numberFormat: "0",
      },
      {
        metric: "Account growth",
        category: "Internal",
        target: "at least 70",
        values: [50, 50, 52, 55, 58, 64],
        numberFormat: "0",
      },
      {
        metric: "Health score",
        category: "Internal",
        target: "at least 70",
        values: [53, 57, 60, 67, 71, 75],
        numberFormat: "0",
      },
      {
        metric: "ARR",
        category: "Internal",
        target: "",
        values: [180000, 180000, 180000, 180000, 180000, 201600],
        numberFormat: "$#,##0",
      },
    ],
  },
});

/** {@link federalTemplate} as a value, for tests and scripts; the bundle drops it unless something reads it. */
export const FEDERAL_TEMPLATE: WorkbookTemplate = /* @__PURE__ */ federalTemplate();
