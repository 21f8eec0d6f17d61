// Generates benchmark workbooks in the emulation: federal template tabs plus N realistic account tabs, a share of them breaching.

import type { GasEnvironment } from "../../emulation/index";
import { createGasEnvironment } from "../../emulation/index";
import { seededRandom } from "../../emulation/seeded-random";
import { accountTabRows } from "../../emulation/workbooks/account-tab";
import { addMonths, parseIsoDate, toIsoDate } from "../../src/domain/civil-date";
import { healthScore } from "../../src/domain/metrics/health-score";
import { FEDERAL_TEMPLATE } from "../../src/domain/templates/federal-template";
import { tableValues } from "../../src/domain/templates/template-values";
import { COLUMNS, TAB } from "../../src/domain/workbook-schema";

/** The benchmark's first scan: Monday 2026-06-15 07:00 in New York (May 2026 is the latest period). */
export const BENCH_NOW = "2026-06-15T11:00:00Z";
/** The steady-state scan: the next morning, same data. */
export const BENCH_NEXT_DAY = "2026-06-16T11:00:00Z";
/** The benchmark spreadsheet's time zone. */
export const BENCH_TIME_ZONE = "America/New_York";
/** The latest period month of every account tab (the month before {@link BENCH_NOW}). */
const LATEST_PERIOD = "2026-05-01";

/** Size of a generated workbook. */
export interface BenchWorkbookSize {
  /** Account tabs. */
  tabs: number;
  /** Metric rows per account tab (the template's metrics first, then user-added ones). */
  metrics: number;
  /** Monthly period columns per account tab, ending with {@link LATEST_PERIOD}. */
  periods: number;
}

/** What was generated, for checks and reporting. */
export interface BenchWorkbook {
  size: BenchWorkbookSize;
  /** Account tab names in tab order. */
  tabNames: string[];
  /** Names of the tabs that breach at least one template rule. */
  breachingTabs: string[];
  /** Distinct owner emails. */
  owners: string[];
}

/** Breaches a generated tab can carry, each of one template rule. */
type BreachKind = "uptime" | "mau" | "sponsor" | "nps";
const BREACH_KINDS: readonly BreachKind[] = ["uptime", "mau", "sponsor", "nps"];

/**
 * Metric rows in the order they are used: rule-carrying template metrics first (so a small tab still
 * has rules to breach), then the rest of the federal catalog.
 */
const TEMPLATE_METRICS: readonly string[] = [
  "System uptime",
  "Monthly active users (MAU)",
  "Sponsor engagement",
  "Internal NPS",
  "Mean time to remediate (MTTR) - P1",
  "POA&M closure rate",
  "Control deviation rate",
  "Unauthorized boundary change",
  "Deliverable schedule adherence",
  "Single-feature users",
  "Support ticket trend",
  "Feature utilization depth",
  "Open P1/P2 tickets",
  "Past-due POA&M items",
  "ISSO written confirmation",
  "Agency interest signal",
  "Product usage",
  "Business outcomes",
  "Relationship quality",
  "Account growth",
  "Health score",
  "ARR",
];

const EXTRA_TOPICS = [
  "Workflow adoption",
  "Report usage",
  "Training completion",
  "Help-desk CSAT",
  "Integration uptime",
  "Data quality",
  "Mobile usage",
  "Admin logins",
];

/** Name of the k-th metric a user added beyond the template (`Workflow adoption · area 01`). */
function extraMetricName(k: number): string {
  return `${EXTRA_TOPICS[k % EXTRA_TOPICS.length]} · area ${String(Math.floor(k / EXTRA_TOPICS.length) + 1).padStart(2, "0")}`;
}

/** The metric names of a tab with `count` rows. */
export function benchMetricNames(count: number): string[] {
  const names = TEMPLATE_METRICS.slice(0, count);
  for (let k = 0; names.length < count; k += 1) names.push(extraMetricName(k));
  return names;
}

const AGENCY_PREFIXES = ["Bureau of", "Office of", "Department of", "Administration for", "Center for"];
const AGENCY_SUBJECTS = [
  "Records",
  "Field Services",
  "Land Management",
  "Veterans Outreach",
  "Water Resources",
  "Trade Statistics",
  "Rural Health",
  "Small Business Lending",
  "Coastal Survey",
  "Energy Efficiency",
  "Grants Oversight",
  "Public Transit",
];

/** The account of tab `i` (unique: a sequence number after the agency name). */
function accountName(i: number): string {
  const prefix = AGENCY_PREFIXES[i % AGENCY_PREFIXES.length];
  const subject = AGENCY_SUBJECTS[Math.floor(i / AGENCY_PREFIXES.length) % AGENCY_SUBJECTS.length];
  return `${prefix} ${subject} ${String(i + 1).padStart(3, "0")}`;
}

/** Owners are shared: five accounts per CS manager. */
function ownerOf(i: number): string {
  return `csm.${String(Math.floor(i / 5) + 1).padStart(2, "0")}@agency.gov`;
}

/** Tab `i` breaches when i % 7 === 3 (≈ 14 % of tabs); it gets one or two of the breach kinds. */
function breachesOf(i: number): BreachKind[] {
  if (i % 7 !== 3) return [];
  const first = BREACH_KINDS[Math.floor(i / 7) % BREACH_KINDS.length];
  const second = BREACH_KINDS[(Math.floor(i / 7) + 1) % BREACH_KINDS.length];
  return i % 2 === 0 ? [first, second] : [first];
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** One metric's values, oldest first: healthy (inside every template rule) unless a breach applies. */
function seriesOf(metric: string, periods: number, rand: () => number, breaches: readonly BreachKind[]) {
  const between = (low: number, high: number, decimals: number) =>
    Array.from({ length: periods }, () => round(low + (high - low) * rand(), decimals));
  const last = (values: (number | string)[], tail: (number | string)[]) => {
    values.splice(values.length - tail.length, tail.length, ...tail.slice(-values.length));
    return values;
  };
  switch (metric) {
    case "System uptime":
      return last(between(0.996, 0.9995, 4), breaches.includes("uptime") ? [0.991] : []);
    case "Monthly active users (MAU)":
      return last(between(0.7, 0.85, 2), breaches.includes("mau") ? [0.37, 0.34] : []);
    case "Sponsor engagement":
      return last(
        Array.from({ length: periods }, () => 1),
        breaches.includes("sponsor") ? [0.5, 0.5] : [],
      );
    case "Internal NPS":
      return last(between(7, 9, 1), breaches.includes("nps") ? [5.5] : []);
    case "Mean time to remediate (MTTR) - P1":
      return between(1.5, 3.8, 1);
    case "POA&M closure rate":
      return between(0.9, 0.98, 2);
    case "Control deviation rate":
    case "Open P1/P2 tickets":
    case "Past-due POA&M items":
      return Array.from({ length: periods }, () => 0);
    case "Unauthorized boundary change":
      return Array.from({ length: periods }, () => "No");
    case "Deliverable schedule adherence":
      return Array.from({ length: periods }, () => 1);
    case "Single-feature users":
      return between(0.3, 0.6, 2);
    case "Support ticket trend":
      return between(-0.08, -0.01, 2);
    case "Feature utilization depth":
      return between(2, 4, 1);
    case "ISSO written confirmation":
      return Array.from({ length: periods }, () => "Yes");
    case "Agency interest signal":
      return Array.from({ length: periods }, (_, p) => (p > periods / 2 ? "Yes" : "No"));
    case "Product usage":
    case "Business outcomes":
    case "Relationship quality":
    case "Account growth": {
      // Healthy under the health-score triggers too: the last four months never fall (no consecutive
      // decline, no drop of 20 points), so only the breach kinds above make a tab breach.
      const values = between(72, 90, 0);
      const tail = values.splice(Math.max(0, values.length - 4)).sort((a, b) => a - b);
      return [...values, ...tail];
    }
    case "ARR":
      return Array.from({ length: periods }, (_, p) => 180_000 + 6_000 * Math.floor(p / 12));
    default:
      return between(0.5, 0.9, 2);
  }
}

/** The cells of account tab `i`: the key/value header, the grid header, one row per metric. */
function benchAccountRows(env: GasEnvironment, i: number, size: BenchWorkbookSize): unknown[][] {
  const rand = seededRandom(1000 + i);
  const breaches = breachesOf(i);
  const latest = parseIsoDate(LATEST_PERIOD);
  if (!latest) throw new Error("bench: bad latest period");
  const months = Array.from({ length: size.periods }, (_, p) =>
    toIsoDate(addMonths(latest, p - size.periods + 1)),
  );
  const goLive = toIsoDate(addMonths(latest, -size.periods - (i % 6)));
  const series = new Map<string, (number | string)[]>();
  for (const metric of benchMetricNames(size.metrics))
    series.set(metric, seriesOf(metric, size.periods, rand, breaches));
  if (series.has("Health score")) {
    const parts = ["Product usage", "Business outcomes", "Relationship quality", "Account growth"].map(
      (name) => series.get(name),
    );
    series.set(
      "Health score",
      Array.from({ length: size.periods }, (_, p) =>
        round(healthScore(parts.map((part) => (part ? Number(part[p]) : null))) ?? 0, 1),
      ),
    );
  }
  return accountTabRows(
    {
      account: accountName(i),
      owner: ownerOf(i),
      goLive,
      provisionedUsers: 150 + (i % 9) * 50,
      contract: `47QTCA26D${String(i + 1).padStart(4, "0")} · CLIN 0001 subscription`,
      periods: months,
      metrics: [...series].map(([metric, values]) => ({
        metric,
        category: String(
          FEDERAL_TEMPLATE.kpiCatalog.rows.find((row) => row.Metric === metric)?.Category ?? "Internal",
        ),
        values,
      })),
    },
    (iso) => env.sheetDate(iso),
  );
}

/** The federal catalog plus a row for each user-added metric (monthly, no target). */
function catalogRows(metrics: readonly string[]): unknown[][] {
  const rows: unknown[][] = tableValues(FEDERAL_TEMPLATE.kpiCatalog);
  for (const metric of metrics) {
    if (FEDERAL_TEMPLATE.kpiCatalog.rows.some((row) => row.Metric === metric)) continue;
    rows.push(
      COLUMNS.kpiCatalog.map((column) =>
        column === "Metric"
          ? metric
          : column === "Category"
            ? "Internal"
            : column === "Reporting cadence"
              ? "Monthly"
              : column === "Definition"
                ? `Share of users active in ${metric.toLowerCase()}`
                : "",
      ),
    );
  }
  return rows;
}

/**
 * Writes a benchmark workbook into `env` (uncounted): the federal template's Settings, KPI Catalog
 * (plus the user-added metrics) and Escalation Rules, an empty Escalation Log, and `size.tabs`
 * account tabs. Owners are shared five accounts each; tabs with `i % 7 === 3` (≈ 14 %) breach one or
 * two rules in the latest month(s), the rest are healthy and complete (no missing data).
 */
export function buildBenchWorkbook(env: GasEnvironment, size: BenchWorkbookSize): BenchWorkbook {
  env.sheetFromRows(TAB.settings, tableValues(FEDERAL_TEMPLATE.settings));
  env.sheetFromRows(TAB.kpiCatalog, catalogRows(benchMetricNames(size.metrics)));
  env.sheetFromRows(TAB.escalationRules, tableValues(FEDERAL_TEMPLATE.escalationRules));
  env.sheetFromRows(TAB.escalationLog, [[...COLUMNS.escalationLog]]);
  env.sheetFromRows(TAB.incidents, incidentRows(size.tabs));
  const tabNames: string[] = [];
  const breachingTabs: string[] = [];
  for (let i = 0; i < size.tabs; i += 1) {
    const name = accountName(i);
    env.sheetFromRows(name, benchAccountRows(env, i, size));
    tabNames.push(name);
    if (breachesOf(i).length > 0) breachingTabs.push(name);
  }
  env.counter.uncounted(() => {
    const first = env.spreadsheet.getSheetByName("Sheet1");
    if (first) env.spreadsheet.deleteSheet(first);
  });
  const owners = [...new Set(Array.from({ length: size.tabs }, (_, i) => ownerOf(i)))];
  return { size, tabNames, breachingTabs, owners };
}

/**
 * The Incidents tab (date-times as Sheets stores them, dates): every fourth healthy account had a 20-minute P1 outage in the latest month (its
 * uptime and MTTR are then measured from incidents, still healthy: 99.80% over its worst 7 days).
 */
function incidentRows(tabs: number): unknown[][] {
  const rows: unknown[][] = [[...COLUMNS.incidents]];
  for (let i = 0; i < tabs; i += 1) {
    if (i % 4 !== 1 || breachesOf(i).length > 0) continue;
    const day = String(1 + (i % 27)).padStart(2, "0");
    rows.push([
      accountName(i),
      `INC-${String(i + 1).padStart(4, "0")}`,
      "P1",
      // Sheets stores a typed date-time as a date: 03:00 and 03:20 in New York (EDT, UTC−4).
      new Date(`2026-05-${day}T07:00:00Z`),
      new Date(`2026-05-${day}T07:20:00Z`),
      "Yes",
      "Load balancer restart",
      // No SLA breach, so no root-cause report (a report date costs two clock readings per incident per run).
      "",
    ]);
  }
  return rows;
}

/** A fresh environment on the benchmark's clock and time zone (mail quota of a Workspace account). */
export function benchEnvironment(): GasEnvironment {
  return createGasEnvironment({
    timeZone: BENCH_TIME_ZONE,
    now: BENCH_NOW,
    spreadsheetName: "CS Portfolio (benchmark)",
    activeUserEmail: "cs.lead@agency.gov",
    mailDailyQuota: 1500,
  });
}
