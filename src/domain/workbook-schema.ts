// The workbook contract of SPEC §2: tab names, column headers, settings keys and header matching.

/** Names of the tabs KPI Steward creates and reads. */
export const TAB = {
  settings: "Settings",
  kpiCatalog: "KPI Catalog",
  escalationRules: "Escalation Rules",
  escalationLog: "Escalation Log",
  auditLog: "Audit Log",
  reviewOutcomes: "Review Outcomes",
  portfolio: "Portfolio",
  incidents: "Incidents",
  roles: "Roles",
} as const;

/** Column headers of each table tab, in the order setup writes them. */
export const COLUMNS = {
  settings: ["Setting", "Value"],
  kpiCatalog: [
    "Metric",
    "Category",
    "CLIN / QASP ref",
    "Definition",
    "Target",
    "Measurement method",
    "Reporting cadence",
    "CPARS area",
  ],
  escalationRules: ["Metric", "Severity", "Condition", "From month", "Action", "Respond within"],
  escalationLog: [
    "ID",
    "Account",
    "Metric",
    "Since",
    "Value",
    "Condition",
    "Severity",
    "Action",
    "Owner",
    "Opened",
    "Due",
    "Status",
    "Last notified",
    "Last seen",
    "Note",
  ],
  auditLog: ["Timestamp", "User", "Action", "Where", "Before", "After"],
  reviewOutcomes: [
    "Account",
    "Review date",
    "Review type",
    "Attendees",
    "Agenda item",
    "Outcome",
    "Decision",
    "Action owner",
    "Action due",
    "CPARS area",
  ],
  portfolio: [
    "Account",
    "Segment",
    "Owner",
    "Health score",
    "Band",
    "Trend",
    "NRR",
    "GRR",
    "Open by severity",
    "Overdue",
    "Next review",
    "Review type",
  ],
  incidents: [
    "Account",
    "Incident ID",
    "Priority",
    "Started",
    "Resolved",
    "Affects availability",
    "Summary",
    "Root cause report",
  ],
} as const;

/**
 * Columns a table tab may lack (workbooks made before they existed): read by header when present,
 * blank when absent; `Setup workbook…` adds them at the end of the header row.
 */
export const OPTIONAL_COLUMNS = {
  kpiCatalog: ["Segment"],
  escalationRules: ["Segment", "Escalate to", "Reaches CO"],
  escalationLog: ["Notified", "Latest period", "Follow-up due", "Incident"],
  reviewOutcomes: ["Action done"],
} as const;

/**
 * The header of an Escalation Log made now: `Latest period` (the month whose value is in `Value`)
 * beside `Since` (the first breaching month), then `Notified`, `Follow-up due` (incidents' second deadline)
 * and `Incident` (the incidents behind an escalation measured from the Incidents tab).
 */
export const ESCALATION_LOG_HEADER = [
  ...COLUMNS.escalationLog.slice(0, COLUMNS.escalationLog.indexOf("Since") + 1),
  "Latest period",
  ...COLUMNS.escalationLog.slice(COLUMNS.escalationLog.indexOf("Since") + 1),
  "Notified",
  "Follow-up due",
  "Incident",
] as const;

/** The header logs made before `Since` existed have in its place (same meaning: when the breach began). */
export const ESCALATION_LOG_LEGACY_SINCE = "Period";

/** Portfolio columns of earlier versions, dropped when the Portfolio is refreshed (never carried as a user's column). */
export const RETIRED_PORTFOLIO_COLUMNS = ["Open escalations"] as const;

/** Columns of the `Roles` tab: one row per person; a role may have several people. */
export const ROLES_COLUMNS = ["Role", "Email", "Notes"] as const;
/** The `Roles` tab's name. */
export const ROLES_TAB = TAB.roles;

/** Keys of the `Settings` tab with their defaults. */
export const SETTINGS_DEFAULTS = {
  "Fiscal year starts": "January",
  "Health weights": "40/25/20/15",
  "Health bands": "90/70/50",
  "Allowed email domains": "",
  "Reminder every (days)": 7,
  "Scan hour": 7,
  "Sender name": "KPI Steward",
  "Default segment": "Federal",
  "Company name": "",
} as const;

/** Row labels of an account tab's key/value header (rows 1–6; row 7 is blank). */
export const ACCOUNT_HEADER_KEYS = [
  "Account",
  "Owner email",
  "Go-live date",
  "Provisioned users",
  "Starting ARR",
  "Contract / CLIN",
] as const;

/** The account-tab header rows that must be there; the others of rows 1–7 may be left out. */
export const ACCOUNT_REQUIRED_KEYS = ["Account", "Owner email", "Go-live date"] as const;
/** Optional account-tab header rows beyond the six setup writes (rows 1–7, any position). */
export const ACCOUNT_OPTIONAL_KEYS = ["Segment", "Renewal date"] as const;

/** 1-based row of the metric grid's header on an account tab. */
export const ACCOUNT_GRID_HEADER_ROW = 8;
/** Fixed leading columns of the metric grid; one column per period follows. */
export const ACCOUNT_GRID_COLUMNS = ["Metric", "Category", "Target"] as const;

/** Severities, mildest first. */
export const SEVERITIES = ["Watch", "Warning", "Critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Incident priorities, most urgent first. */
export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Metric categories of the catalog. */
export const CATEGORIES = ["Contract-facing", "Internal"] as const;
/** CPARS evaluation areas. */
export const CPARS_AREAS = ["Schedule", "Quality", "Cost", "Management"] as const;

/** Well-known metric rows on account tabs. */
export const WELL_KNOWN_METRICS = {
  usage: "Product usage",
  outcomes: "Business outcomes",
  relationship: "Relationship quality",
  growth: "Account growth",
  healthScore: "Health score",
  arr: "ARR",
  mau: "Monthly active users (MAU)",
} as const;

/** Normalises a header or key for matching: case-insensitive and ignoring all whitespace. */
export function normalizeHeader(text: unknown): string {
  return String(text ?? "")
    .toLowerCase()
    .replace(/\s+/g, "");
}

/** True when two headers match under {@link normalizeHeader}. */
export function headersMatch(a: unknown, b: unknown): boolean {
  return normalizeHeader(a) === normalizeHeader(b);
}

const OWN_TABS = new Set(Object.values(TAB).map((name) => normalizeHeader(name)));
const REVIEW_TAB = /^(review|co\s+report)\s+fy\d{2,4}\s+q[1-4]\b/i;

/**
 * True for KPI Steward's own tabs and its review and CO report tabs, which are never account tabs even though
 * some (`Review Outcomes`, `Portfolio`) start with an Account column.
 */
export function isOwnTab(name: string): boolean {
  return isTableTab(name) || REVIEW_TAB.test(name.trim());
}

/** True for the KPI Steward table tabs of {@link TAB} (Settings, KPI Catalog, …), under the shared name rule. */
export function isTableTab(name: string): boolean {
  return OWN_TABS.has(normalizeHeader(name));
}

/**
 * True for an account tab: not one of KPI Steward's own tabs, and A1 says `Account` (any case or
 * spacing). The one rule scan, review, sidebar, setup and Portfolio use.
 */
export function isAccountSheet(name: string, values: readonly (readonly unknown[])[]): boolean {
  return !isOwnTab(name) && normalizeHeader(values[0]?.[0]) === normalizeHeader(ACCOUNT_HEADER_KEYS[0]);
}

/** The one message for a KPI Steward tab the workbook lacks. */
export function missingTabMessage(name: string): string {
  return `No "${name}" tab: run KPI Steward › Setup workbook to add it.`;
}
