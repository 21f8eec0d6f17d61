// A small federal workbook for the sidebar tests: two account tabs, the catalog, rules and an escalation log.

import type { GasEnvironment } from "../../emulation/index";
import { accountTabRows } from "../../emulation/workbooks/account-tab";
import { COLUMNS } from "../../src/domain/workbook-schema";

/** The metric name that tries to run script when shown as HTML. */
export const HOSTILE_METRIC = "<img src=x onerror=alert(1)>";

/** "Today" in the tests: 10 April 2026, 10:00 in Washington. */
export const TODAY = "2026-04-10T14:00:00Z";

/** Rows of an account tab (the emulation's one builder) with a user's Notes column after Jan and Feb 2026. */
function accountRows(
  env: GasEnvironment,
  account: string,
  owner: string,
  goLive: string,
  metrics: unknown[][],
) {
  return accountTabRows(
    {
      account,
      owner,
      goLive,
      provisionedUsers: 400,
      contract: "CLIN 0001",
      periods: ["2026-01", "2026-02"],
      trailingHeaders: ["Notes"],
      metrics: metrics.map(([metric, category, target, ...values]) => ({
        metric: String(metric),
        category: String(category),
        target: String(target),
        values,
      })),
    },
    (iso) => env.sheetDate(iso),
  );
}

/**
 * Fills `env` with the sample workbook and makes `Acme` the active tab: `Acme` (went live
 * 2025-10-15, periods Jan and Feb 2026, a Notes column, a formula row, the hostile metric name),
 * `Beacon`, KPI Catalog, Escalation Rules and an Escalation Log with rows for both accounts.
 * Review Outcomes and Audit Log are left for the sidebar to create.
 */
export function buildSampleWorkbook(env: GasEnvironment): void {
  env.sheetFromRows(
    "Acme",
    accountRows(env, "Acme Federal Agency", "cs.lead@northai.example", "2025-10-15", [
      ["System uptime", "Contract-facing", "at least 99.5%", "99.8%", "99.6%", "QASP 3.1"],
      ["Help desk response (hours)", "Contract-facing", "at most 4 hours", 3, 5, ""],
      ["Monthly active users (MAU)", "Internal", "at least 60%", "55%", "58%", ""],
      ["Product usage", "Internal", "", 70, 68, ""],
      ["Health score", "Internal", "", "=D12*1", "=E12*1", "formula row"],
      [HOSTILE_METRIC, "Internal", "", "", "", ""],
    ]),
  );
  env.sheetFromRows(
    "Beacon",
    accountRows(env, "Beacon Health Office", "owner@northai.example", "2026-01-05", [
      ["System uptime", "Contract-facing", "at least 99.9%", "99.95%", "99.7%", ""],
    ]),
  );
  env.sheetFromRows("KPI Catalog", [
    [...COLUMNS.kpiCatalog],
    [
      "System uptime",
      "Contract-facing",
      "CLIN 0001 / QASP 3.1",
      "Share of scheduled hours available within SLA",
      "at least 99.5%",
      "Monitoring tool, monthly",
      "Monthly",
      "Quality",
    ],
    [
      "Help desk response (hours)",
      "Contract-facing",
      "QASP 3.2",
      "Median first response",
      "at most 4 hours",
      "Ticket system",
      "Monthly",
      "Schedule",
    ],
    [
      "Monthly active users (MAU)",
      "Internal",
      "",
      "Active users / provisioned users",
      "at least 60%",
      "Product analytics",
      "Monthly",
      "",
    ],
    [HOSTILE_METRIC, "Internal", "", "A metric whose name is markup", "", "", "Monthly", ""],
  ]);
  env.sheetFromRows("Escalation Rules", [
    [...COLUMNS.escalationRules],
    ["System uptime", "Warning", "below 99.5%", "", "Root-cause report to the CO", "5 business days"],
    ["System uptime", "Critical", "below 99%", "", "Call the agency PM", "24 hours"],
    ["Monthly active users (MAU)", "Watch", "below 60%", 3, "Training conversation", "2 weeks"],
  ]);
  const log = env.sheetFromRows("Escalation Log", [
    [...COLUMNS.escalationLog, "Follow-up due", "Incident"],
    [
      "ESC-1",
      "Acme Federal Agency",
      "Monthly active users (MAU)",
      "2026-02-01",
      "58%",
      "below 60%",
      "Watch",
      "Training conversation",
      "cs.lead@northai.example",
      "2026-03-02",
      "2026-03-16",
      "Open",
      "",
      "2026-04-01",
      "",
      "",
      "",
    ],
    [
      "ESC-2",
      "Acme Federal Agency",
      "System uptime",
      "2026-02-01",
      "99.6%",
      "below 99.7%",
      "Warning",
      "Root-cause report",
      "cs.lead@northai.example",
      "2026-03-02",
      "2026-03-09",
      "Acknowledged",
      "",
      "2026-04-01",
      "2026-03-03 Acknowledged: looking",
      "Root cause report: Overdue (due 2026-03-09)",
      "INC-12",
    ],
    [
      "ESC-3",
      "Acme Federal Agency",
      HOSTILE_METRIC,
      "2026-02-01",
      1,
      "is not blank",
      "Critical",
      "<b>Escalate</b>",
      "cs.lead@northai.example",
      "2026-03-02",
      "2026-03-03",
      "Snoozed until 2026-04-30",
      "",
      "2026-04-01",
      "",
      "",
      "",
    ],
    [
      "ESC-4",
      "Acme Federal Agency",
      "System uptime",
      "2026-01-01",
      "99.2%",
      "below 99.5%",
      "Warning",
      "Root-cause report",
      "cs.lead@northai.example",
      "2026-02-02",
      "2026-02-09",
      "Resolved",
      "",
      "2026-02-02",
      "cleared by scan",
      "",
      "",
    ],
    [
      "ESC-5",
      "Beacon Health Office",
      "System uptime",
      "2026-02-01",
      "99.7%",
      "below 99.9%",
      "Warning",
      "Root-cause report",
      "owner@northai.example",
      "2026-03-02",
      "2026-03-09",
      "Open",
      "",
      "2026-04-01",
      "",
      "",
      "",
    ],
  ]);
  void log;
  env.spreadsheet.getSheetByName("Acme")!.activate();
}
