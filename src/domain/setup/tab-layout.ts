// Pure layout of every tab Setup workbook creates: values, per-cell number formats, bold cells, frozen panes, widths, dropdowns.
import type { CellValue } from "../cell-value";
import { SEGMENTS } from "../segment";
import type {
  IsoDateString,
  TemplateAccountTab,
  TemplateTable,
  WorkbookTemplate,
} from "../templates/template-types";
import { accountTabValues, tableValues } from "../templates/template-values";
import { splitRoles } from "../workbook/parse-rules";
import {
  ACCOUNT_GRID_COLUMNS,
  ACCOUNT_GRID_HEADER_ROW,
  ACCOUNT_HEADER_KEYS,
  CATEGORIES,
  COLUMNS,
  CPARS_AREAS,
  ESCALATION_LOG_HEADER,
  OPTIONAL_COLUMNS,
  PRIORITIES,
  ROLES_COLUMNS,
  ROLES_TAB,
  SEVERITIES,
  TAB,
} from "../workbook-schema";

/** The number format that keeps a cell's content as typed text (never a formula or a number). */
export const TEXT_FORMAT = "@";
/** Sheets' automatic number format (an unformatted cell). */
export const AUTOMATIC_FORMAT = "0.###############";
/** A calendar date. */
export const DATE_FORMAT = "yyyy-mm-dd";
/** A date and time of day. */
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
/** A period column header: the month. */
export const MONTH_FORMAT = "mmm yyyy";

/** A dropdown on one column, from `fromRow` to the bottom of the sheet. */
export interface DropdownPlan {
  /** 1-based column. */
  column: number;
  /** 1-based first row. */
  fromRow: number;
  /** The allowed values. */
  values: readonly string[];
  /** Shown when the cell is hovered or a wrong value is typed. */
  helpText: string;
}

/** Everything the writer needs to create one tab, in one setNumberFormats and one setValues. */
export interface TabLayout {
  name: string;
  /** The block written at A1; rectangular. */
  values: CellValue[][];
  /** One number format per cell of `values`; text cells are `@`, written before the values. */
  numberFormats: string[][];
  /** True for each cell of `values` shown bold (headers and key labels). */
  bold: boolean[][];
  frozenRows: number;
  frozenColumns: number;
  /** Pixel width of each column from A (as many entries as columns to size). */
  columnWidths: number[];
  /** 1-based columns whose text wraps (long prose). */
  wrapColumns: number[];
  /** 1-based columns centred as whole columns (short figures such as the Portfolio's), rows added later included. */
  centredColumns: number[];
  dropdowns: DropdownPlan[];
  /** Blocks aligned other than Sheets' default (text left, numbers right), one call each. */
  alignments: AlignmentPlan[];
}

/** One block of cells given a horizontal alignment (1-based). */
export interface AlignmentPlan {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  alignment: "left" | "center" | "right";
}

type ColumnSpec = { width: number; wrap?: boolean; format?: string; centred?: boolean };

/** Width, wrapping and data-row format of each SPEC §2 column; formats default to text. */
const COLUMN_SPECS: Record<string, Record<string, ColumnSpec>> = {
  [TAB.settings]: {
    Setting: { width: 200 },
    Value: { width: 240 },
  },
  [TAB.kpiCatalog]: {
    Metric: { width: 240 },
    Category: { width: 130 },
    "CLIN / QASP ref": { width: 230, wrap: true },
    Definition: { width: 400, wrap: true },
    Target: { width: 140 },
    "Measurement method": { width: 260, wrap: true },
    "Reporting cadence": { width: 200, wrap: true },
    "CPARS area": { width: 110 },
    Segment: { width: 110 },
  },
  [TAB.escalationRules]: {
    Metric: { width: 240 },
    Severity: { width: 90 },
    Condition: { width: 250 },
    "From month": { width: 95, format: "0" },
    Action: { width: 440, wrap: true },
    "Respond within": { width: 130 },
    Segment: { width: 110 },
    "Escalate to": { width: 220, wrap: true },
    "Reaches CO": { width: 100 },
  },
  [ROLES_TAB]: {
    Role: { width: 220 },
    Email: { width: 260 },
    Notes: { width: 420, wrap: true },
  },
  [TAB.escalationLog]: {
    ID: { width: 90 },
    Account: { width: 160 },
    Metric: { width: 220 },
    Since: { width: 90 },
    "Latest period": { width: 100 },
    Value: { width: 90 },
    Condition: { width: 220 },
    Severity: { width: 90 },
    Action: { width: 320, wrap: true },
    Owner: { width: 200 },
    Opened: { width: 140 },
    Due: { width: 140 },
    Status: { width: 170 },
    "Last notified": { width: 140 },
    "Last seen": { width: 140 },
    Note: { width: 260, wrap: true },
    Notified: { width: 260, wrap: true },
    "Follow-up due": { width: 260, wrap: true },
    Incident: { width: 140, wrap: true },
  },
  [TAB.auditLog]: {
    Timestamp: { width: 150 },
    User: { width: 200 },
    Action: { width: 230 },
    Where: { width: 260, wrap: true },
    Before: { width: 260, wrap: true },
    After: { width: 320, wrap: true },
  },
  [TAB.reviewOutcomes]: {
    Account: { width: 160 },
    "Review date": { width: 110 },
    "Review type": { width: 220 },
    Attendees: { width: 220, wrap: true },
    "Agenda item": { width: 240, wrap: true },
    Outcome: { width: 280, wrap: true },
    Decision: { width: 220, wrap: true },
    "Action owner": { width: 160 },
    "Action due": { width: 110 },
    "CPARS area": { width: 110 },
    "Action done": { width: 110 },
  },
  [TAB.incidents]: {
    Account: { width: 160 },
    "Incident ID": { width: 110 },
    Priority: { width: 80, centred: true },
    Started: { width: 140, format: DATE_TIME_FORMAT },
    Resolved: { width: 140, format: DATE_TIME_FORMAT },
    "Affects availability": { width: 130, centred: true },
    Summary: { width: 360, wrap: true },
    "Root cause report": { width: 130, format: DATE_FORMAT },
  },
  [TAB.portfolio]: {
    Account: { width: 180 },
    Segment: { width: 95 },
    Owner: { width: 210 },
    "Health score": { width: 95, centred: true },
    Band: { width: 80, centred: true },
    Trend: { width: 170 },
    NRR: { width: 70, centred: true },
    GRR: { width: 70, centred: true },
    "Open by severity": { width: 200 },
    Overdue: { width: 70, centred: true },
    "Next review": { width: 120 },
    "Review type": { width: 300, wrap: true },
  },
};

/** The Segment dropdown's choices. */
const SEGMENT_SCOPES = ["All", ...SEGMENTS] as const;

/** Dropdown columns of each table tab (SPEC §2: Category, Severity, CPARS area; Segment, Reaches CO). */
const TABLE_DROPDOWNS: Record<string, Record<string, { values: readonly string[]; helpText: string }>> = {
  [TAB.kpiCatalog]: {
    Category: {
      values: CATEGORIES,
      helpText: "Contract-facing (reported to the contracting officer) or Internal",
    },
    "CPARS area": { values: CPARS_AREAS, helpText: "Schedule, Quality, Cost, Management, or blank" },
    Segment: { values: SEGMENT_SCOPES, helpText: "All (blank), Federal or Commercial accounts" },
  },
  [TAB.escalationRules]: {
    Severity: { values: SEVERITIES, helpText: "Watch, Warning or Critical" },
    Segment: { values: SEGMENT_SCOPES, helpText: "All (blank), Federal or Commercial accounts" },
    "Reaches CO": {
      values: ["Yes"],
      helpText: "Yes when an escalation of this rule reaches the contracting officer; else blank",
    },
  },
  [TAB.reviewOutcomes]: {
    "CPARS area": { values: CPARS_AREAS, helpText: "Schedule, Quality, Cost, Management, or blank" },
  },
  [TAB.incidents]: {
    Priority: { values: PRIORITIES, helpText: "P1 (most urgent) to P4" },
    "Affects availability": {
      values: ["Yes", "No"],
      helpText: "Yes when the product was unavailable during the incident (it counts against uptime)",
    },
  },
};

/** The dropdown of a table tab's column (`Segment` of KPI Catalog…), or undefined when it has none. */
export function tableDropdown(
  tab: string,
  column: string,
): { values: readonly string[]; helpText: string } | undefined {
  return TABLE_DROPDOWNS[tab]?.[column];
}

/** A table tab (header row, then the template's rows): text as text, numbers in the column's format. */
export function tableTabLayout(name: string, table: TemplateTable<readonly string[]>): TabLayout {
  const values: CellValue[][] = tableValues(table);
  const specs = COLUMN_SPECS[name] ?? {};
  const columns = table.columns;
  const numberFormats = values.map((row, index) =>
    row.map((cell, column) => {
      if (index === 0 || typeof cell === "string") return TEXT_FORMAT;
      return specs[columns[column]]?.format ?? AUTOMATIC_FORMAT;
    }),
  );
  const bold = values.map((row, index) => row.map(() => index === 0));
  const dropdowns: DropdownPlan[] = [];
  for (const [column, dropdown] of Object.entries(TABLE_DROPDOWNS[name] ?? {})) {
    const position = columns.indexOf(column);
    if (position >= 0) dropdowns.push({ column: position + 1, fromRow: 2, ...dropdown });
  }
  return {
    name,
    values,
    numberFormats,
    bold,
    frozenRows: 1,
    frozenColumns: name === TAB.settings ? 0 : 1,
    columnWidths: columns.map((column) => specs[column]?.width ?? 140),
    wrapColumns: columns.flatMap((column, index) => (specs[column]?.wrap ? [index + 1] : [])),
    centredColumns: columns.flatMap((column, index) => (specs[column]?.centred ? [index + 1] : [])),
    dropdowns,
    alignments: [],
  };
}

/** A tab that starts as its header row only (logs, outcomes, Portfolio). */
export function headerOnlyTabLayout(name: string, columns: readonly string[]): TabLayout {
  return tableTabLayout(name, { columns, rows: [] });
}

/** Rows of the Incidents tab given their column formats ahead of typing (date-times stay date-times). */
const INCIDENT_FORMATTED_ROWS = 500;

/**
 * The Incidents tab: its header row, and the first {@link INCIDENT_FORMATTED_ROWS} rows formatted so
 * what is typed reads as it should (Started and Resolved as date-times, Root cause report as a date,
 * the rest as text).
 */
export function incidentsTabLayout(): TabLayout {
  const layout = headerOnlyTabLayout(TAB.incidents, COLUMNS.incidents);
  const specs = COLUMN_SPECS[TAB.incidents];
  const blank = COLUMNS.incidents.map(() => "" as CellValue);
  const formats = COLUMNS.incidents.map((column) => specs[column]?.format ?? TEXT_FORMAT);
  for (let row = 0; row < INCIDENT_FORMATTED_ROWS; row += 1) {
    layout.values.push(blank.slice());
    layout.numberFormats.push(formats.slice());
    layout.bold.push(blank.map(() => false));
  }
  return layout;
}

/** Number formats of the account tab's key/value header (rows 1–6, column B). */
const ACCOUNT_DETAIL_FORMATS: Record<(typeof ACCOUNT_HEADER_KEYS)[number], string> = {
  Account: TEXT_FORMAT,
  "Owner email": TEXT_FORMAT,
  "Go-live date": DATE_FORMAT,
  "Provisioned users": "#,##0",
  "Starting ARR": "$#,##0",
  "Contract / CLIN": TEXT_FORMAT,
};

/**
 * The sample account tab: key/value rows 1–6, the grid header in row 8 (periods as months), one metric
 * per row with the template's number format on its value cells. `toDate` makes the `Date` of a day
 * on the spreadsheet's calendar; `ownerEmail` replaces the template's placeholder when known.
 */
export function accountTabLayout(
  tab: TemplateAccountTab,
  toDate: (iso: IsoDateString) => Date,
  ownerEmail?: string,
): TabLayout {
  const source = ownerEmail ? { ...tab, ownerEmail } : tab;
  const values = accountTabValues(source, toDate);
  const width = values[0].length;
  const gridIndex = ACCOUNT_GRID_HEADER_ROW - 1;
  const fixed = ACCOUNT_GRID_COLUMNS.length;
  const numberFormats = values.map((row, index) =>
    row.map((cell, column) => {
      if (index < ACCOUNT_HEADER_KEYS.length) {
        if (column === 0) return TEXT_FORMAT;
        if (column === 1) return ACCOUNT_DETAIL_FORMATS[ACCOUNT_HEADER_KEYS[index]];
        return AUTOMATIC_FORMAT;
      }
      if (index < gridIndex) return AUTOMATIC_FORMAT;
      if (column < fixed) return TEXT_FORMAT;
      if (index === gridIndex) return MONTH_FORMAT;
      const metric = tab.metrics[index - gridIndex - 1];
      if (metric.numberFormat) return metric.numberFormat;
      return typeof cell === "string" && cell !== "" ? TEXT_FORMAT : AUTOMATIC_FORMAT;
    }),
  );
  const bold = values.map((row, index) =>
    row.map((_cell, column) => index === gridIndex || (index < ACCOUNT_HEADER_KEYS.length && column === 0)),
  );
  const columnWidths = Array.from({ length: width }, (_unused, column) => {
    if (column === 0) return 240;
    if (column === 1) return 210;
    if (column === 2) return 130;
    return 85;
  });
  return {
    name: tab.tabName,
    values,
    numberFormats,
    bold,
    frozenRows: ACCOUNT_GRID_HEADER_ROW,
    frozenColumns: 1,
    columnWidths,
    wrapColumns: [],
    centredColumns: [],
    alignments: [
      // The details read as one column: dates and amounts line up with the text above them.
      { row: 1, column: 2, numRows: ACCOUNT_HEADER_KEYS.length, numColumns: 1, alignment: "left" },
      // Yes/No cells sit under their month like the numbers do.
      {
        row: ACCOUNT_GRID_HEADER_ROW,
        column: fixed + 1,
        numRows: values.length - gridIndex,
        numColumns: width - fixed,
        alignment: "right",
      },
    ],
    dropdowns: [
      {
        column: ACCOUNT_GRID_COLUMNS.indexOf("Category") + 1,
        fromRow: ACCOUNT_GRID_HEADER_ROW + 1,
        values: CATEGORIES,
        helpText: "Contract-facing (reported to the contracting officer) or Internal",
      },
    ],
  };
}

/**
 * The Roles tab of a template: one row per role its rules' `Escalate to` names, emails blank for the
 * team to fill in (a role may get more rows, one per person).
 */
export function rolesTable(template: WorkbookTemplate): TemplateTable<typeof ROLES_COLUMNS> {
  const roles: string[] = [];
  for (const rule of template.escalationRules.rows)
    for (const role of splitRoles(String(rule["Escalate to"]))) if (!roles.includes(role)) roles.push(role);
  return {
    columns: ROLES_COLUMNS,
    rows: roles.map((role) => ({
      Role: role,
      Email: "",
      Notes: "Named in Escalation Rules › Escalate to; add one row per person",
    })),
  };
}

/** Every tab a template sets up, in the order Setup workbook creates them. */
export function workbookLayouts(
  template: WorkbookTemplate,
  toDate: (iso: IsoDateString) => Date,
  ownerEmail?: string,
): TabLayout[] {
  return [
    tableTabLayout(TAB.settings, template.settings),
    tableTabLayout(TAB.kpiCatalog, template.kpiCatalog),
    tableTabLayout(TAB.escalationRules, template.escalationRules),
    tableTabLayout(ROLES_TAB, rolesTable(template)),
    headerOnlyTabLayout(TAB.escalationLog, ESCALATION_LOG_HEADER),
    headerOnlyTabLayout(TAB.auditLog, COLUMNS.auditLog),
    headerOnlyTabLayout(TAB.reviewOutcomes, [...COLUMNS.reviewOutcomes, ...OPTIONAL_COLUMNS.reviewOutcomes]),
    headerOnlyTabLayout(TAB.portfolio, COLUMNS.portfolio),
    incidentsTabLayout(),
    accountTabLayout(template.sampleAccount, toDate, ownerEmail),
  ];
}
