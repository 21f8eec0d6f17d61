// Setup workbook through build/Code.js: the tabs it creates, their formatting, and what it never touches.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, type GasEnvironment, type Sheet } from "../../emulation/index";
import { type BundleContext, loadBundle } from "../../emulation/load-bundle";
import { FEDERAL_TEMPLATE } from "../../src/domain/templates/federal-template";
import { SAAS_TEMPLATE } from "../../src/domain/templates/saas-template";
import type { WorkbookTemplate } from "../../src/domain/templates/template-types";
import { tableValues } from "../../src/domain/templates/template-values";
import {
  CATEGORIES,
  COLUMNS,
  CPARS_AREAS,
  ESCALATION_LOG_HEADER,
  OPTIONAL_COLUMNS,
  ROLES_COLUMNS,
  ROLES_TAB,
  SEVERITIES,
  TAB,
} from "../../src/domain/workbook-schema";

const TABLE_TABS = [
  [TAB.settings, COLUMNS.settings],
  [TAB.kpiCatalog, [...COLUMNS.kpiCatalog, ...OPTIONAL_COLUMNS.kpiCatalog]],
  [TAB.escalationRules, [...COLUMNS.escalationRules, ...OPTIONAL_COLUMNS.escalationRules]],
  [ROLES_TAB, ROLES_COLUMNS],
  [TAB.escalationLog, ESCALATION_LOG_HEADER],
  [TAB.auditLog, COLUMNS.auditLog],
  [TAB.reviewOutcomes, [...COLUMNS.reviewOutcomes, ...OPTIONAL_COLUMNS.reviewOutcomes]],
  [TAB.portfolio, COLUMNS.portfolio],
  [TAB.incidents, COLUMNS.incidents],
] as const;

interface World {
  env: GasEnvironment;
  gas: BundleContext;
}

function world(options: { activeUserEmail?: string } = {}): World {
  const env = createGasEnvironment({
    timeZone: "America/New_York",
    now: "2026-11-23T14:00:00Z",
    activeUserEmail: options.activeUserEmail ?? "cs.lead@example.gov",
  });
  return { env, gas: loadBundle(env) };
}

/** Plain JSON of what the bundle returned (it comes from another realm). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

function sheet(env: GasEnvironment, name: string): Sheet {
  const found = env.spreadsheet.getSheetByName(name);
  if (!found) throw new Error(`no tab "${name}"`);
  return found;
}

/** Everything a user could see on a tab: values, formats, colours, weights, notes, frozen panes, widths. */
/** Everything a user sees of a tab's cells (the first `rows` × `columns`, default: its used range). */
function snapshot(
  tab: Sheet,
  rows = Math.max(tab.getLastRow(), 1),
  columns = Math.max(tab.getLastColumn(), 1),
) {
  const range = tab.getRange(1, 1, rows, columns);
  return JSON.stringify({
    values: range.getValues(),
    formats: range.getNumberFormats(),
    backgrounds: range.getBackgrounds(),
    weights: range.getFontWeights(),
    notes: range.getNotes(),
    frozen: [tab.getFrozenRows(), tab.getFrozenColumns()],
    widths: Array.from({ length: columns }, (_unused, i) => tab.getColumnWidth(i + 1)),
    validation: tab.getRange(2, 2).getDataValidation()?.getCriteriaValues() ?? null,
  });
}

function headerRow(tab: Sheet, width: number): unknown[] {
  return tab.getRange(1, 1, 1, width).getValues()[0];
}

function dropdownAt(tab: Sheet, row: number, column: number): unknown[] | null {
  const rule = tab.getRange(row, column).getDataValidation();
  if (!rule) return null;
  return rule.getCriteriaValues()[0] as unknown[];
}

function describeTemplate(template: WorkbookTemplate) {
  describe(`setupWorkbook("${template.id}") on an empty spreadsheet`, () => {
    const { env, gas } = world();
    const summary = plain(gas.setupWorkbook(template.id));

    it("creates every SPEC §2 tab and the sample account tab, and reports them", () => {
      const expected = [...TABLE_TABS.map(([name]) => name), template.sampleAccount.tabName];
      expect(summary.created).toEqual(expected);
      expect(summary.kept).toEqual([]);
      expect(env.spreadsheet.getSheets().map((tab) => tab.getName())).toEqual(["Sheet1", ...expected]);
    });

    it("writes each table tab's SPEC §2 headers in row 1 (the Portfolio's in row 2, under its as-of line), bold and frozen", () => {
      for (const [name, columns] of TABLE_TABS) {
        const tab = sheet(env, name);
        const row = name === TAB.portfolio ? 2 : 1;
        expect(tab.getRange(row, 1, 1, columns.length).getValues()[0], name).toEqual([...columns]);
        expect(tab.getRange(row, 1, 1, columns.length).getFontWeights()[0], name).toEqual(
          columns.map(() => "bold"),
        );
        expect(tab.getFrozenRows(), name).toBe(row);
      }
      expect(sheet(env, TAB.portfolio).getRange("A1").getValue()).toMatch(/^As of .*, Setup workbook · /);
    });

    it("fills Settings, KPI Catalog and Escalation Rules with every row of the template", () => {
      const tables: [string, unknown[][]][] = [
        [TAB.settings, tableValues(template.settings)],
        [TAB.kpiCatalog, tableValues(template.kpiCatalog)],
        [TAB.escalationRules, tableValues(template.escalationRules)],
      ];
      for (const [name, expected] of tables) {
        const written = sheet(env, name).getRange(1, 1, expected.length, expected[0].length).getValues();
        expect(written, name).toEqual(expected);
        expect(sheet(env, name).getLastRow(), name).toBe(expected.length);
      }
    });

    it("puts dropdowns on Category, CPARS area and Severity", () => {
      const catalog = sheet(env, TAB.kpiCatalog);
      expect(dropdownAt(catalog, 2, 2)).toEqual([...CATEGORIES]);
      expect(dropdownAt(catalog, 500, 2)).toEqual([...CATEGORIES]);
      expect(dropdownAt(catalog, 2, 8)).toEqual([...CPARS_AREAS]);
      expect(dropdownAt(catalog, 1, 2)).toBeNull();
      expect(dropdownAt(catalog, 2, 1)).toBeNull();
      expect(dropdownAt(sheet(env, TAB.escalationRules), 2, 2)).toEqual([...SEVERITIES]);
      expect(dropdownAt(sheet(env, TAB.reviewOutcomes), 2, 10)).toEqual([...CPARS_AREAS]);
      const rule = catalog.getRange(2, 2).getDataValidation();
      expect(rule?.getAllowInvalid()).toBe(false);
    });

    it("writes the sample account tab with the active user as owner, real dates and per-row formats", () => {
      const tab = sheet(env, template.sampleAccount.tabName);
      const sample = template.sampleAccount;
      expect(tab.getRange("A1:B2").getValues()).toEqual([
        ["Account", sample.account],
        ["Owner email", "cs.lead@example.gov"],
      ]);
      expect(tab.getRange("B3").getDisplayValue()).toBe(sample.goLive);
      const periods = tab.getRange(8, 4, 1, sample.periods.length);
      expect(periods.getValues()[0].map((date) => (date as Date).toISOString())).toEqual(
        sample.periods.map((iso) => env.sheetDate(iso).toISOString()),
      );
      expect(periods.getDisplayValues()[0][0]).toMatch(/^[A-Z][a-z]{2} 20\d\d$/);
      expect(headerRow(tab, 3)).toEqual(["Account", sample.account, ""]);
      expect(tab.getRange(8, 1, 1, 3).getValues()[0]).toEqual(["Metric", "Category", "Target"]);
      expect(tab.getRange(8, 1, 1, 3).getFontWeights()[0]).toEqual(["bold", "bold", "bold"]);
      expect(tab.getFrozenRows()).toBe(8);
      sample.metrics.forEach((metric, index) => {
        const row = tab.getRange(9 + index, 1, 1, 3 + sample.periods.length);
        expect(row.getValues()[0].slice(0, 3), metric.metric).toEqual([
          metric.metric,
          metric.category,
          metric.target,
        ]);
        if (metric.numberFormat) expect(row.getNumberFormats()[0][3]).toBe(metric.numberFormat);
      });
      expect(dropdownAt(tab, 9, 2)).toEqual([...CATEGORIES]);
      const yesNo = sample.metrics.findIndex((metric) => metric.values.includes("Yes"));
      expect(tab.getRange(9 + yesNo, 4).getHorizontalAlignment()).toBe("right");
    });

    it("formats every text cell it writes as text, so a later edit stays text too", () => {
      for (const tab of env.spreadsheet.getSheets().slice(1)) {
        const range = tab.getDataRange();
        const values = range.getValues();
        const formats = range.getNumberFormats();
        values.forEach((row, r) => {
          row.forEach((cell, c) => {
            if (typeof cell === "string" && cell !== "")
              expect(formats[r][c], `${tab.getName()} ${r + 1}:${c + 1}`).toBe("@");
          });
        });
      }
    });

    it("records the setup in the Audit Log", () => {
      const rows = sheet(env, TAB.auditLog).getDataRange().getValues();
      expect(rows).toHaveLength(2);
      const [timestamp, user, action, where, , after] = rows[1];
      expect((timestamp as Date).toISOString()).toBe("2026-11-23T14:00:00.000Z");
      expect(user).toBe("cs.lead@example.gov");
      expect(action).toBe(`Setup workbook (${template.id} template)`);
      expect(where).toContain(TAB.kpiCatalog);
      expect(after).toContain(template.sampleAccount.tabName);
    });

    it("leaves the user on the tab they were on", () => {
      expect(env.spreadsheet.getActiveSheet().getName()).toBe("Sheet1");
    });
  });
}

describeTemplate(FEDERAL_TEMPLATE);
describeTemplate(SAAS_TEMPLATE);

describe("setupWorkbook on a workbook that already has some tabs", () => {
  it("keeps an existing tab exactly as it was, values and formatting, whatever its case", () => {
    const { env, gas } = world();
    const settings = env.sheetFromRows("settings", [
      ["Setting", "Value"],
      ["Fiscal year starts", "October"],
      ["Scan hour", 6],
    ]);
    env.counter.uncounted(() => {
      settings.getRange("B3").setBackground("#fce5cd").setNumberFormat("0.0").setNote("our scan hour");
      settings.setColumnWidth(1, 333);
    });
    const before = snapshot(settings);
    const summary = plain(gas.setupWorkbook("federal"));
    expect(summary.kept).toEqual(["settings"]);
    expect(summary.created).not.toContain(TAB.settings);
    // What the user had is exactly as it was; the settings it lacked come after it.
    expect(snapshot(settings, 3, 2)).toBe(before);
    expect(summary.added).toEqual([
      "settings: rows Health weights, Health bands, Allowed email domains, Reminder every (days), Sender name, Default segment, Company name",
    ]);
    expect(settings.getRange(4, 1, 7, 2).getValues()).toEqual([
      ["Health weights", "40/25/20/15"],
      ["Health bands", "90/70/50"],
      ["Allowed email domains", ""],
      ["Reminder every (days)", 7],
      ["Sender name", "KPI Steward"],
      ["Default segment", "Federal"],
      ["Company name", ""],
    ]);
    expect(
      env.spreadsheet.getSheets().filter((tab) => tab.getName().toLowerCase() === "settings"),
    ).toHaveLength(1);
  });

  it("changes nothing on a second run and says every tab is already there", () => {
    const { env, gas } = world();
    gas.setupWorkbook("saas");
    const before = env.spreadsheet.getSheets().map((tab) => [tab.getName(), snapshot(tab)]);
    const second = plain(gas.setupWorkbook("saas"));
    expect(second.created).toEqual([]);
    expect(second.kept).toEqual([...TABLE_TABS.map(([name]) => name), SAAS_TEMPLATE.sampleAccount.tabName]);
    expect(env.spreadsheet.getSheets().map((tab) => [tab.getName(), snapshot(tab)])).toEqual(before);
    expect(env.ui.alerts.at(-1)?.prompt).toContain("Nothing to create");
  });

  it("adds no sample account when the workbook already has account tabs, and says so", () => {
    const { env, gas } = world();
    env.sheetFromRows("Acme Agency", [
      ["Account", "Acme Agency"],
      ["Owner email", "owner@example.gov"],
    ]);
    const summary = plain(gas.setupWorkbook("federal"));
    expect(summary.created).not.toContain(FEDERAL_TEMPLATE.sampleAccount.tabName);
    expect(env.spreadsheet.getSheetByName(FEDERAL_TEMPLATE.sampleAccount.tabName)).toBeNull();
    expect(summary.notes.join(" ")).toContain("Acme Agency");
  });

  it("writes an owner address that starts with = as text, not a formula", () => {
    const { env, gas } = world({ activeUserEmail: "=ops@example.gov" });
    gas.setupWorkbook("federal");
    const tab = sheet(env, FEDERAL_TEMPLATE.sampleAccount.tabName);
    expect(tab.getRange("B2").getFormula()).toBe("");
    expect(tab.getRange("B2").getValue()).toBe("=ops@example.gov");
    expect(sheet(env, TAB.auditLog).getRange("B2").getValue()).toBe("=ops@example.gov");
  });
});

describe("setupWorkbook on a workbook made before segments and roles", () => {
  it("adds the missing columns after the last header and the missing Settings rows, creates Roles, moves nothing", () => {
    const { env, gas } = world();
    const catalog = env.sheetFromRows(TAB.kpiCatalog, [
      [...COLUMNS.kpiCatalog, "Our notes"],
      [
        "System uptime",
        "Contract-facing",
        "CLIN 1",
        "Uptime",
        "at least 99.5%",
        "Monitor",
        "Monthly",
        "Quality",
        "keep me",
      ],
    ]);
    const rules = env.sheetFromRows(TAB.escalationRules, [
      [...COLUMNS.escalationRules],
      ["System uptime", "Critical", "misses target", "", "Call the PM", "immediately"],
    ]);
    // A log made before Since and Latest period: its header says Period.
    const log = env.sheetFromRows(TAB.escalationLog, [
      COLUMNS.escalationLog.map((column) => (column === "Since" ? "Period" : column)),
    ]);
    env.counter.uncounted(() => catalog.getRange("I2").setBackground("#fff2cc"));
    const catalogBefore = snapshot(catalog);
    const rulesBefore = snapshot(rules);

    const summary = plain(gas.setupWorkbook("federal"));
    expect(summary.created).toContain(ROLES_TAB);
    // Workbooks made before incidents were tracked get the Incidents tab too.
    expect(summary.created).toContain(TAB.incidents);
    expect(summary.added).toEqual([
      "KPI Catalog: column Segment (J)",
      "Escalation Rules: columns Segment (G), Escalate to (H), Reaches CO (I)",
      "Escalation Log: columns Notified (P), Latest period (Q), Follow-up due (R), Incident (S)",
    ]);
    expect(snapshot(catalog, 2, 9)).toBe(catalogBefore);
    expect(snapshot(rules, 2, 6)).toBe(rulesBefore);
    expect(catalog.getRange("J1").getValue()).toBe("Segment");
    expect(dropdownAt(catalog, 2, 10)).toEqual(["All", "Federal", "Commercial"]);
    expect(rules.getRange(1, 7, 1, 3).getValues()[0]).toEqual(["Segment", "Escalate to", "Reaches CO"]);
    expect(dropdownAt(rules, 2, 9)).toEqual(["Yes"]);
    expect(log.getRange("P1:Q1").getValues()[0]).toEqual(["Notified", "Latest period"]);
    // History is not rewritten: the Period header stays; the log gets its colours, dropdown and filter.
    expect(log.getRange("D1").getValue()).toBe("Period");
    expect(log.getConditionalFormatRules().length).toBeGreaterThan(0);
    expect(dropdownAt(log, 2, 12)).toEqual(["Open", "Acknowledged", "Snoozed until …", "Resolved"]);
    expect(log.getFilter()).not.toBeNull();
    expect(env.ui.alerts.at(-1)?.prompt).toContain("Added to existing tabs (at the end; nothing moved)");
    const audit = sheet(env, TAB.auditLog).getDataRange().getValues();
    expect(String(audit.at(-1)?.[5])).toContain("added: KPI Catalog: column Segment (J)");

    // The old rule keeps working (blank Segment = All) and a second setup adds nothing.
    const again = plain(gas.setupWorkbook("federal"));
    expect(again.added).toEqual([]);
  });
});

describe("setupWorkbook on a three-band workbook (Health bands 90/70)", () => {
  it("writes the health-score triggers in that profile's words: yellow outreach in 48 hours, red executive engagement in 24", () => {
    const { env, gas } = world();
    env.sheetFromRows("Settings", [
      ["Setting", "Value"],
      ["Health bands", "90/70"],
    ]);
    gas.setupWorkbook("saas");
    const rules = sheet(env, TAB.escalationRules)
      .getDataRange()
      .getValues()
      .filter((row) => row[0] === "Health score")
      .map((row) => [row[1], row[2], row[4], row[5]]);
    expect(rules).toContainEqual([
      "Warning",
      "below 90",
      "Yellow: proactive outreach to the account's sponsor",
      "48 hours",
    ]);
    expect(rules).toContainEqual([
      "Critical",
      "below 70",
      "Red: executive engagement; involve the Retention team",
      "24 hours",
    ]);
    expect(rules.map((row) => String(row[2])).join(" ")).not.toMatch(/50–69|below 50/);
  });
});

describe("setupWorkbook from the menu (no argument)", () => {
  it("asks which template: Yes = federal, No = SaaS", () => {
    const { env, gas } = world();
    env.ui.answerNextAlert("NO");
    const summary = plain(gas.setupWorkbook());
    expect(env.ui.alerts[0].buttons).toBe("YES_NO_CANCEL");
    expect(env.ui.alerts[0].prompt).toContain("Yes = federal template");
    expect(summary.template).toBe("saas");
    expect(sheet(env, SAAS_TEMPLATE.sampleAccount.tabName)).toBeTruthy();
  });

  it("changes nothing when the user cancels", () => {
    const { env, gas } = world();
    env.ui.answerNextAlert("CANCEL");
    const summary = plain(gas.setupWorkbook());
    expect(summary.template).toBeNull();
    expect(env.spreadsheet.getSheets().map((tab) => tab.getName())).toEqual(["Sheet1"]);
  });

  it("uses the federal template when there is no UI to ask", () => {
    const { env, gas } = world();
    env.ui.available = false;
    expect(plain(gas.setupWorkbook()).template).toBe("federal");
    expect(env.ui.alerts).toEqual([]);
  });

  it("rejects an unknown template id, naming the choices", () => {
    const { gas } = world();
    expect(() => gas.setupWorkbook("gov")).toThrow(/template must be "federal" or "saas", got "gov"/);
  });

  it("stops with a clear message while another command holds the document lock", () => {
    const { env, gas } = world();
    env.lock.holdDocumentLock();
    expect(() => gas.setupWorkbook("federal")).toThrow(/another KPI Steward command/);
    expect(env.spreadsheet.getSheets()).toHaveLength(1);
  });
});
