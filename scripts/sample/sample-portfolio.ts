// The demo's sample portfolio, generated deterministically: 2 federal agencies, 2 SaaS customers, 1 malformed tab.
import type { CellValue } from "../../src/domain/cell-value";
import { addMonths, type CivilDate, parseIsoDate, toIsoDate } from "../../src/domain/civil-date";
import { healthScore } from "../../src/domain/metrics/health-score";
import { FEDERAL_TEMPLATE } from "../../src/domain/templates/federal-template";
import { SAAS_TEMPLATE } from "../../src/domain/templates/saas-template";
import type { TemplateMetricRow } from "../../src/domain/templates/template-types";
import { tableValues } from "../../src/domain/templates/template-values";
import { columnLetter } from "../../src/domain/workbook/cell-address";
import { COLUMNS, TAB } from "../../src/domain/workbook-schema";

/** The demo's "today" (a Monday): the latest period is the month before, October 2026. */
export const DEMO_TODAY = "2026-11-23";
/** The demo spreadsheet's time zone. */
export const DEMO_TIME_ZONE = "America/New_York";
/** Number of monthly periods on each account tab. */
export const PERIOD_COUNT = 13;
/** The demo's user (the CS lead who runs setup and the scans). */
export const DEMO_USER = "cs.lead@example.gov";

/** One tab of the sample workbook as a user would have typed it. */
export interface SampleTab {
  name: string;
  /** Cells from A1; dates are `Date`s made by the caller's `toDate`. */
  rows: CellValue[][];
  /** Number format per cell (same shape as `rows`; `null` leaves the cell's format alone). */
  numberFormats: (string | null)[][];
  /** 1-based rows shown bold. */
  boldRows: number[];
  frozenRows: number;
  /** Pixel widths from column A. */
  columnWidths: number[];
  /** Cells the user coloured themselves: A1 → colour. */
  backgrounds: Record<string, string>;
  /** Cell notes the user wrote: A1 → text. */
  notes: Record<string, string>;
  /** Ranges the user right-aligned (A1 notation), e.g. the period block so Yes/No sit under their month. */
  rightAligned: string[];
}

/** An escalation the scan must open for the sample: one per account, metric and rule. */
export interface ExpectedEscalation {
  account: string;
  metric: string;
  condition: string;
  severity: string;
}

/** The cell a user coloured themselves that also breaches, and the corrected value typed later. */
export interface UserColouredCell {
  tab: string;
  a1: string;
  colour: string;
  breachingValue: number;
  correctedValue: number;
}

/** The whole sample: tabs in order, and what a scan of it must find. */
export interface SamplePortfolio {
  tabs: SampleTab[];
  /** Account tabs that a scan reads (not the malformed one). */
  accounts: { tab: string; account: string; owner: string; kind: "federal" | "saas" }[];
  expectedEscalations: ExpectedEscalation[];
  /** Metrics with no value in the latest period (stale input), by account. */
  expectedMissing: { account: string; metric: string }[];
  malformedTab: { tab: string; problem: string };
  userColouredCell: UserColouredCell;
  /** First day of each period month, oldest first. */
  periods: string[];
}

type Series = CellValue[];

/** A deterministic wobble in [-1, 1] for period `i` of a series `seed`. */
function wobble(i: number, seed: number): number {
  return (((i * 7 + seed * 13) % 9) - 4) / 4;
}

/** `PERIOD_COUNT` values going from `from` to `to`, wobbling by up to `amplitude`, rounded to `decimals`. */
function ramp(from: number, to: number, amplitude: number, seed: number, decimals = 0): number[] {
  const factor = 10 ** decimals;
  return Array.from({ length: PERIOD_COUNT }, (_unused, i) => {
    const base = from + ((to - from) * i) / (PERIOD_COUNT - 1);
    const edge = i === 0 || i === PERIOD_COUNT - 1 ? 0 : wobble(i, seed) * amplitude;
    return Math.round((base + edge) * factor) / factor;
  });
}

/** The series with its last values replaced by `tail` (the months that tell the story). */
function endingWith(series: readonly CellValue[], tail: readonly CellValue[]): Series {
  return [...series.slice(0, PERIOD_COUNT - tail.length), ...tail];
}

/** `count` copies of a value. */
function repeat(value: CellValue, count = PERIOD_COUNT): Series {
  return Array.from({ length: count }, () => value);
}

/** The Health score row computed from the four component rows with the default weights. */
function healthRow(components: readonly Series[]): number[] {
  return Array.from({ length: PERIOD_COUNT }, (_unused, i) => {
    const score = healthScore(
      components.map((row) => (typeof row[i] === "number" ? (row[i] as number) : null)),
    );
    return score === null ? 0 : Math.round(score);
  });
}

interface AccountSpec {
  tabName: string;
  account: string;
  ownerEmail: string | null;
  goLive: string;
  provisionedUsers: number;
  startingArr: number;
  contract: string;
  kind: "federal" | "saas";
  series: Record<string, Series>;
}

const FEDERAL_ROWS = FEDERAL_TEMPLATE.sampleAccount.metrics;
/** The SaaS rows of the demo: the template's, without the once-only onboarding metric. */
const SAAS_ROWS = SAAS_TEMPLATE.sampleAccount.metrics.filter((row) => row.metric !== "Time to first value");

function federalRecordsAgency(): AccountSpec {
  const usage = ramp(68, 82, 2, 1);
  const outcomes = ramp(64, 80, 2, 2);
  const relationship = endingWith(ramp(75, 84, 1.5, 3), [80, 78]);
  const growth = ramp(55, 72, 2, 4);
  return {
    tabName: "Federal Records Agency",
    account: "Federal Records Agency",
    ownerEmail: "dana.reyes@example.gov",
    goLive: "2025-08-04",
    provisionedUsers: 400,
    startingArr: 288000,
    contract: "47QTCA25D0001 · CLIN 0001 subscription, CLIN 0003 records module",
    kind: "federal",
    series: {
      "System uptime": endingWith(ramp(0.9988, 0.9994, 0.0003, 5, 4), [0.991]),
      "Mean time to remediate (MTTR) - P1": [3.2, "", 2.9, 3.5, "", 2.4, 3.1, "", 2.7, 3, 2.2, "", 3.4],
      "POA&M closure rate": ramp(0.88, 0.94, 0.02, 6, 2),
      "Control deviation rate": repeat(0),
      "Deliverable schedule adherence": repeat(1),
      "Monthly active users (MAU)": ramp(0.52, 0.74, 0.02, 7, 2),
      "Feature utilization depth": ramp(2.1, 3.8, 0.2, 8, 1),
      "Single-feature users": ramp(0.62, 0.38, 0.02, 9, 2),
      "Support ticket trend": [
        -0.02, 0.04, -0.05, -0.03, 0.02, -0.06, -0.04, -0.01, -0.03, -0.05, -0.02, -0.04, -0.03,
      ],
      "Sponsor engagement": endingWith(repeat(1), [0.5, 0.5]),
      "Internal NPS": endingWith(ramp(7.5, 8.5, 0.3, 10, 1), [8]),
      "Unauthorized boundary change": repeat("No"),
      "Open P1/P2 tickets": [1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
      "Past-due POA&M items": repeat(0),
      "ISSO written confirmation": [...repeat("No", 2), ...repeat("Yes", PERIOD_COUNT - 2)],
      "Agency interest signal": [...repeat("No", 9), ...repeat("Yes", PERIOD_COUNT - 9)],
      "Product usage": usage,
      "Business outcomes": outcomes,
      "Relationship quality": relationship,
      "Account growth": growth,
      "Health score": healthRow([usage, outcomes, relationship, growth]),
      ARR: [...repeat(288000, 9), ...repeat(331200, PERIOD_COUNT - 9)],
    },
  };
}

function bureauOfFieldServices(): AccountSpec {
  const usage = endingWith(ramp(66, 56, 2, 11), [58, 54, 56, 50]);
  const outcomes = endingWith(ramp(70, 66, 1.5, 12), [68, 66, 67, 64]);
  const relationship = endingWith(ramp(78, 72, 1.5, 13), [75, 73, 74, 72]);
  const growth = ramp(60, 58, 1.5, 14);
  return {
    tabName: "Bureau of Field Services",
    account: "Bureau of Field Services",
    ownerEmail: "marcus.lee@example.gov",
    goLive: "2025-09-15",
    provisionedUsers: 600,
    startingArr: 420000,
    contract: "70RDAD25C0042 · CLIN 0001 subscription, CLIN 0002 onboarding",
    kind: "federal",
    series: {
      "System uptime": ramp(0.9991, 0.9996, 0.0002, 15, 4),
      "Mean time to remediate (MTTR) - P1": [2.5, 3.1, "", 2.8, 3.6, "", 2.2, 3.3, "", 2.9, "", 3.1, 3.8],
      "POA&M closure rate": ramp(0.9, 0.82, 0.02, 16, 2),
      "Control deviation rate": repeat(0),
      "Deliverable schedule adherence": endingWith(repeat(1), [0.75]),
      "Monthly active users (MAU)": endingWith(ramp(0.48, 0.3, 0.02, 17, 2), [0.31, 0.22]),
      "Feature utilization depth": ramp(2.4, 2.0, 0.2, 18, 1),
      "Single-feature users": ramp(0.7, 0.76, 0.02, 19, 2),
      "Support ticket trend": [
        0.03, -0.02, 0.01, -0.04, -0.01, 0.02, -0.03, -0.02, -0.01, -0.02, 0.01, -0.02, -0.01,
      ],
      "Sponsor engagement": [1, 1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1, 1],
      "Internal NPS": endingWith(ramp(7.5, 6.5, 0.3, 20, 1), [6.5]),
      "Unauthorized boundary change": endingWith(repeat("No"), ["Yes"]),
      "Open P1/P2 tickets": [0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1],
      "Past-due POA&M items": endingWith(repeat(0), [1, 1]),
      "ISSO written confirmation": [...repeat("No", 4), ...repeat("Yes", PERIOD_COUNT - 4)],
      "Agency interest signal": repeat("No"),
      "Product usage": usage,
      "Business outcomes": outcomes,
      "Relationship quality": relationship,
      "Account growth": growth,
      "Health score": healthRow([usage, outcomes, relationship, growth]),
      ARR: repeat(420000),
    },
  };
}

function northwindHealth(): AccountSpec {
  const usage = endingWith(ramp(80, 86, 2, 21), [50]);
  const outcomes = endingWith(ramp(74, 80, 2, 22), [60]);
  const relationship = endingWith(ramp(84, 88, 1.5, 23), [62]);
  const growth = endingWith(ramp(66, 74, 2, 24), [58]);
  return {
    tabName: "Northwind Health",
    account: "Northwind Health",
    ownerEmail: "sam.okafor@example.com",
    goLive: "2025-06-02",
    provisionedUsers: 120,
    startingArr: 54000,
    contract: "Annual subscription · Enterprise tier",
    kind: "saas",
    series: {
      "Product usage": usage,
      "Business outcomes": outcomes,
      "Relationship quality": relationship,
      "Account growth": growth,
      "Health score": healthRow([usage, outcomes, relationship, growth]),
      ARR: [...repeat(54000, 7), ...repeat(60000, PERIOD_COUNT - 7)],
      "Team participation": endingWith(ramp(0.84, 0.9, 0.02, 25, 2), [0.72]),
      "Customer satisfaction": ramp(4.6, 4.8, 0.05, 26, 1),
      "Support tickets per month": endingWith(ramp(1, 0, 0.4, 27), [1]),
      "Platform utilization": ramp(0.74, 0.8, 0.01, 28, 2),
      "Feature discovery rate": ramp(0.85, 0.92, 0.01, 29, 2),
      "Net Promoter Score": ramp(52, 60, 2, 30),
      "System uptime": ramp(0.9995, 0.9998, 0.0001, 31, 4),
    },
  };
}

function contosoLogistics(): AccountSpec {
  const usage = endingWith(ramp(82, 90, 1.5, 32), [90, 86, 82, 78]);
  const outcomes = endingWith(ramp(78, 84, 1.5, 33), [84, 81, 79, 77]);
  const relationship = endingWith(ramp(86, 88, 1, 34), [88, 86, 84, 82]);
  const growth = endingWith(ramp(70, 76, 1.5, 35), [76, 74, 72, 70]);
  return {
    tabName: "Contoso Logistics",
    account: "Contoso Logistics",
    ownerEmail: "lee.park@example.com",
    goLive: "2025-02-03",
    provisionedUsers: 60,
    startingArr: 30000,
    contract: "Annual subscription · Professional tier",
    kind: "saas",
    series: {
      "Product usage": usage,
      "Business outcomes": outcomes,
      "Relationship quality": relationship,
      "Account growth": growth,
      "Health score": healthRow([usage, outcomes, relationship, growth]),
      ARR: [...repeat(30000, 4), ...repeat(36000, PERIOD_COUNT - 4)],
      "Team participation": ramp(0.86, 0.9, 0.01, 36, 2),
      "Customer satisfaction": endingWith(ramp(4.6, 4.8, 0.05, 37, 1), [4.7, ""]),
      "Support tickets per month": endingWith(ramp(1, 0, 0.4, 38), [2]),
      "Platform utilization": ramp(0.78, 0.84, 0.01, 39, 2),
      "Feature discovery rate": ramp(0.82, 0.88, 0.01, 40, 2),
      "Net Promoter Score": ramp(55, 62, 2, 41),
      "System uptime": ramp(0.9994, 0.9997, 0.0001, 42, 4),
    },
  };
}

/** A malformed account tab: a customer whose tab lost its `Owner email` row. */
function harborAnalytics(): AccountSpec {
  const usage = ramp(72, 80, 2, 43);
  const outcomes = ramp(70, 76, 2, 44);
  const relationship = ramp(80, 84, 1, 45);
  const growth = ramp(60, 66, 2, 46);
  return {
    tabName: "Harbor Analytics",
    account: "Harbor Analytics",
    ownerEmail: null,
    goLive: "2025-07-01",
    provisionedUsers: 35,
    startingArr: 18000,
    contract: "Annual subscription · Starter tier",
    kind: "saas",
    series: {
      "Product usage": usage,
      "Business outcomes": outcomes,
      "Relationship quality": relationship,
      "Account growth": growth,
      "Health score": healthRow([usage, outcomes, relationship, growth]),
      ARR: repeat(18000),
    },
  };
}

/** Builds an account tab from a spec: key/value rows, the grid header of row 8, one metric per row. */
function accountTab(spec: AccountSpec, periods: readonly string[], toDate: (iso: string) => Date): SampleTab {
  const templateRows: readonly TemplateMetricRow[] = spec.kind === "federal" ? FEDERAL_ROWS : SAAS_ROWS;
  const rows = templateRows.filter((row) => spec.series[row.metric] !== undefined);
  const width = 3 + periods.length;
  const details: [string, CellValue, string | null][] = [
    ["Account", spec.account, "@"],
    ...(spec.ownerEmail === null
      ? []
      : [["Owner email", spec.ownerEmail, "@"] as [string, CellValue, string]]),
    ["Go-live date", toDate(spec.goLive), "yyyy-mm-dd"],
    ["Provisioned users", spec.provisionedUsers, "#,##0"],
    ["Starting ARR", spec.startingArr, "$#,##0"],
    ["Contract / CLIN", spec.contract, "@"],
    // The workbook's Default segment is Federal: commercial customers say so on their tab.
    ...(spec.kind === "saas" ? [["Segment", "Commercial", "@"] as [string, CellValue, string]] : []),
  ];
  const cells: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const pad = <T>(row: T[], fill: T) => [...row, ...Array<T>(width - row.length).fill(fill)];
  for (const [key, value, format] of details) {
    cells.push(pad<CellValue>([key, value], ""));
    formats.push(pad<string | null>(["@", format], null));
  }
  while (cells.length < 7) {
    cells.push(pad<CellValue>([], ""));
    formats.push(pad<string | null>([], null));
  }
  cells.push(["Metric", "Category", "Target", ...periods.map(toDate)]);
  formats.push(["@", "@", "@", ...periods.map(() => "mmm yyyy")]);
  for (const row of rows) {
    cells.push([row.metric, row.category, row.target, ...spec.series[row.metric]]);
    formats.push(["@", "@", "@", ...periods.map(() => row.numberFormat ?? null)]);
  }
  return {
    name: spec.tabName,
    rows: cells,
    numberFormats: formats,
    boldRows: [8],
    frozenRows: 8,
    columnWidths: [240, 200, 130, ...periods.map(() => 80)],
    backgrounds: {},
    notes: {},
    rightAligned: [`D8:${columnLetter(width)}${cells.length}`],
  };
}

/** A table tab (header row, then rows) with every cell formatted as text except numbers. */
function tableTab(name: string, rows: CellValue[][], widths: number[]): SampleTab {
  return {
    name,
    rows,
    numberFormats: rows.map((row) => row.map((cell) => (typeof cell === "string" ? "@" : null))),
    boldRows: [1],
    frozenRows: 1,
    columnWidths: widths,
    backgrounds: {},
    notes: {},
    rightAligned: [],
  };
}

/**
 * The federal catalog followed by the SaaS rows whose metric it lacks, those for Commercial accounts
 * (one catalog for a portfolio of both segments).
 */
function mixedCatalog(): CellValue[][] {
  const federal = tableValues(FEDERAL_TEMPLATE.kpiCatalog);
  const names = new Set(federal.map((row) => row[0]));
  const segment = FEDERAL_TEMPLATE.kpiCatalog.columns.indexOf("Segment");
  const saas = tableValues(SAAS_TEMPLATE.kpiCatalog)
    .slice(1)
    .filter((row) => !names.has(row[0]))
    .map((row) => row.map((cell, column) => (column === segment ? "Commercial" : cell)));
  return [...federal, ...saas];
}

/**
 * The federal escalation matrix (Federal accounts, plus the health-score triggers for All) followed by
 * the SaaS signal rules for Commercial accounts; the SaaS template's health-score rules are the same
 * triggers, so they are not repeated.
 */
function mixedRules(): CellValue[][] {
  const columns = FEDERAL_TEMPLATE.escalationRules.columns;
  const segment = columns.indexOf("Segment");
  const saas = tableValues(SAAS_TEMPLATE.escalationRules)
    .slice(1)
    .filter((row) => row[0] !== "Health score")
    .map((row) => row.map((cell, column) => (column === segment ? "Commercial" : cell)));
  return [...tableValues(FEDERAL_TEMPLATE.escalationRules), ...saas];
}

function settingsRows(): CellValue[][] {
  const rows = tableValues(FEDERAL_TEMPLATE.settings);
  return rows.map((row) => {
    if (row[0] === "Allowed email domains") return [row[0], "example.gov, example.com"];
    if (row[0] === "Sender name") return [row[0], "KPI Steward · CS Operations"];
    return row;
  });
}

function reviewOutcomeRows(toDate: (iso: string) => Date): CellValue[][] {
  const review = toDate("2026-08-06");
  const account = "Federal Records Agency";
  const type = "Annual review + option year exercise";
  const attendees = "Agency PM (R. Ortiz), ISSO (K. Tran), CS lead, Federal Posture Lead";
  return [
    [...COLUMNS.reviewOutcomes],
    [
      account,
      review,
      type,
      attendees,
      "Contract KPIs vs QASP",
      "All QASP metrics met for the year",
      "Exercise option year 1",
      "Dana Reyes",
      toDate("2026-09-30"),
      "Quality",
    ],
    [
      account,
      review,
      type,
      attendees,
      "ConMon and POA&M status",
      "Two POA&M items closed early",
      "Keep the monthly evidence package",
      "Authorization Architect",
      toDate("2026-08-31"),
      "Management",
    ],
    [
      account,
      review,
      type,
      attendees,
      "Expansion",
      "PM asked about the records module for a second office",
      "Scope CLIN 0003 for the second office",
      "Dana Reyes",
      toDate("2026-10-15"),
      "",
    ],
  ];
}

/**
 * The sample portfolio as of {@link DEMO_TODAY}: `PERIOD_COUNT` monthly periods ending with the month
 * before it. `toDate` turns `YYYY-MM-DD` into the `Date` a date cell of the spreadsheet holds.
 */
export function buildSamplePortfolio(toDate: (iso: string) => Date): SamplePortfolio {
  const today = parseIsoDate(DEMO_TODAY) as CivilDate;
  const latest: CivilDate = addMonths({ year: today.year, month: today.month, day: 1 }, -1);
  const periods = Array.from({ length: PERIOD_COUNT }, (_unused, i) =>
    toIsoDate(addMonths(latest, i - (PERIOD_COUNT - 1))),
  );
  const specs = [federalRecordsAgency(), bureauOfFieldServices(), northwindHealth(), contosoLogistics()];
  const malformed = harborAnalytics();
  const accountTabs = specs.map((spec) => accountTab(spec, periods, toDate));

  const records = accountTabs[0];
  const uptimeRow = records.rows.findIndex((row) => row[0] === "System uptime") + 1;
  const latestColumn = columnLetter(3 + PERIOD_COUNT);
  const userCell = `${latestColumn}${uptimeRow}`;
  const userColour = "#c9daf8";
  records.backgrounds[userCell] = userColour;
  records.notes[userCell] = "Checked against the NOC outage report (Oct 14 storage failover) — D.R.";

  const tabs: SampleTab[] = [
    tableTab(TAB.settings, settingsRows(), [200, 260]),
    tableTab(TAB.kpiCatalog, mixedCatalog(), [240, 130, 230, 400, 140, 260, 200, 110]),
    tableTab(TAB.escalationRules, mixedRules(), [240, 90, 250, 95, 440, 130]),
    {
      ...tableTab(
        TAB.reviewOutcomes,
        reviewOutcomeRows(toDate),
        [170, 110, 230, 260, 200, 280, 260, 160, 110, 110],
      ),
      numberFormats: reviewOutcomeRows(toDate).map((row, r) =>
        row.map((cell, c) =>
          r > 0 && (c === 1 || c === 8) ? "yyyy-mm-dd" : typeof cell === "string" ? "@" : null,
        ),
      ),
    },
    ...accountTabs,
    accountTab(malformed, periods, toDate),
  ];

  return {
    tabs,
    accounts: specs.map((spec) => ({
      tab: spec.tabName,
      account: spec.account,
      owner: spec.ownerEmail as string,
      kind: spec.kind,
    })),
    expectedEscalations: [
      {
        account: "Federal Records Agency",
        metric: "System uptime",
        condition: "misses target over any rolling 7 days",
        severity: "Critical",
      },
      {
        account: "Federal Records Agency",
        metric: "Sponsor engagement",
        condition: "below 100% for 2 consecutive periods",
        severity: "Warning",
      },
      {
        account: "Bureau of Field Services",
        metric: "Unauthorized boundary change",
        condition: "is Yes",
        severity: "Critical",
      },
      {
        account: "Bureau of Field Services",
        metric: "Deliverable schedule adherence",
        condition: "misses target",
        severity: "Warning",
      },
      {
        account: "Bureau of Field Services",
        metric: "Monthly active users (MAU)",
        condition: "below 40%",
        severity: "Watch",
      },
      {
        account: "Bureau of Field Services",
        metric: "Monthly active users (MAU)",
        condition: "below 25%",
        severity: "Critical",
      },
      {
        account: "Bureau of Field Services",
        metric: "Health score",
        condition: "below 70",
        severity: "Warning",
      },
      {
        account: "Northwind Health",
        metric: "Health score",
        condition: "drops by more than 20",
        severity: "Critical",
      },
      { account: "Northwind Health", metric: "Health score", condition: "below 70", severity: "Warning" },
      {
        account: "Northwind Health",
        metric: "Team participation",
        condition: "at most 80%",
        severity: "Warning",
      },
      {
        account: "Contoso Logistics",
        metric: "Health score",
        condition: "declines for 3 consecutive periods",
        severity: "Warning",
      },
      {
        account: "Contoso Logistics",
        metric: "Support tickets per month",
        condition: "above 1",
        severity: "Warning",
      },
    ],
    expectedMissing: [{ account: "Contoso Logistics", metric: "Customer satisfaction" }],
    malformedTab: { tab: malformed.tabName, problem: "no Owner email row" },
    userColouredCell: {
      tab: records.name,
      a1: userCell,
      colour: userColour,
      breachingValue: 0.991,
      correctedValue: 0.9971,
    },
    periods,
  };
}
