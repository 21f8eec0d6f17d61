// The setup templates: SPEC §2 columns, rules that point at catalog metrics, and rows the parsers read back cleanly.
import { describe, expect, it } from "vitest";
import { FEDERAL_TEMPLATE } from "../../../src/domain/templates/federal-template";
import { SAAS_TEMPLATE } from "../../../src/domain/templates/saas-template";
import type { WorkbookTemplate } from "../../../src/domain/templates/template-types";
import { accountTabValues, tableValues } from "../../../src/domain/templates/template-values";
import { getWorkbookTemplate, WORKBOOK_TEMPLATES } from "../../../src/domain/templates/workbook-templates";
import { parseAccountTab } from "../../../src/domain/workbook/parse-account-tab";
import { findCatalogEntry, parseCatalog } from "../../../src/domain/workbook/parse-catalog";
import { findRulesWithUnknownMetric, parseRules } from "../../../src/domain/workbook/parse-rules";
import { parseSettings } from "../../../src/domain/workbook/parse-settings";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import {
  COLUMNS,
  OPTIONAL_COLUMNS,
  SETTINGS_DEFAULTS,
  WELL_KNOWN_METRICS,
} from "../../../src/domain/workbook-schema";

const isoToDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function ok<T>(result: T): Exclude<T, { reason: string }> {
  if (isWorkbookProblem(result)) throw new Error(`unexpected problem: ${result.message}`);
  return result as Exclude<T, { reason: string }>;
}

/** The condition-language forms SPEC §2 lists (plus `is No`, the counterpart of `is Yes`). */
const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:%| hours?| business days?| days?)?`;
const COMPARE = `(?:below|above|at least|at most|<|>|<=|>=) ?${NUMBER}`;
const CONDITION_FORMS = [
  new RegExp(`^${COMPARE}$`),
  new RegExp(`^${COMPARE} for \\d+ consecutive periods$`),
  /^misses target(?: over any rolling \d+ days)?$/,
  new RegExp(`^(?:drops|rises) by (?:more than )?${NUMBER}$`),
  /^(?:declines|rises) for \d+ consecutive periods$/,
  /^is (?:not )?(?:Yes|No|blank)$/,
];
const isConditionForm = (text: string) => CONDITION_FORMS.some((form) => form.test(text));

describe.each(WORKBOOK_TEMPLATES.map((template) => [template.id, template] as const))(
  "the %s template",
  (_id, template: WorkbookTemplate) => {
    const catalog = ok(parseCatalog(tableValues(template.kpiCatalog)));
    const rules = ok(parseRules(tableValues(template.escalationRules)));

    it("has exactly the SPEC §2 columns in every table, in order, and every row fills each of them", () => {
      const tables = [
        [template.settings, COLUMNS.settings],
        [template.kpiCatalog, [...COLUMNS.kpiCatalog, ...OPTIONAL_COLUMNS.kpiCatalog]],
        [template.escalationRules, [...COLUMNS.escalationRules, ...OPTIONAL_COLUMNS.escalationRules]],
      ] as const;
      for (const [table, columns] of tables) {
        expect(table.columns).toEqual(columns);
        for (const row of table.rows) expect(Object.keys(row).sort()).toEqual([...columns].sort());
      }
    });

    it("sets every Settings key, and the Settings parser reads them back without a problem", () => {
      const settings = ok(parseSettings(tableValues(template.settings)));
      expect(settings.problems).toEqual([]);
      expect(Object.keys(settings.rows).sort()).toEqual(Object.keys(SETTINGS_DEFAULTS).sort());
      expect(settings.settings.healthWeights).toEqual([40, 25, 20, 15]);
      expect(settings.settings.healthBands).toEqual([90, 70, 50]);
    });

    it("has a catalog and rules the parsers read back without a problem", () => {
      expect(catalog.problems).toEqual([]);
      expect(catalog.entries).toHaveLength(template.kpiCatalog.rows.length);
      expect(rules.problems).toEqual([]);
      expect(rules.rules).toHaveLength(template.escalationRules.rows.length);
    });

    it("has a rule Metric only where the catalog defines that metric", () => {
      expect(findRulesWithUnknownMetric(rules.rules, catalog.entries)).toEqual([]);
    });

    it("writes every Condition and Target in a condition-language form of SPEC §2", () => {
      for (const rule of rules.rules)
        expect(rule.condition, `rule row ${rule.row}`).toSatisfy(isConditionForm);
      for (const entry of catalog.entries.filter((e) => e.target !== ""))
        expect(entry.target, entry.metric).toSatisfy(isConditionForm);
    });

    it("defines the well-known health metrics and ARR", () => {
      const names = [
        WELL_KNOWN_METRICS.usage,
        WELL_KNOWN_METRICS.outcomes,
        WELL_KNOWN_METRICS.relationship,
        WELL_KNOWN_METRICS.growth,
        WELL_KNOWN_METRICS.healthScore,
        WELL_KNOWN_METRICS.arr,
      ];
      for (const name of names) expect(findCatalogEntry(catalog.entries, name), name).toBeDefined();
    });

    it("has a sample account tab that parses cleanly, with catalog metrics, categories and targets", () => {
      const sample = template.sampleAccount;
      const account = ok(parseAccountTab(sample.tabName, accountTabValues(sample, isoToDate)));
      expect(account.warnings).toEqual([]);
      expect(account.account).toBe(sample.account);
      expect(account.goLive?.toISOString().slice(0, 10)).toBe(sample.goLive);
      expect(account.periods.map((p) => p.date.toISOString().slice(0, 10))).toEqual(sample.periods);
      expect(account.metrics).toHaveLength(sample.metrics.length);
      for (const metric of account.metrics) {
        const entry = findCatalogEntry(catalog.entries, metric.name);
        expect(entry, metric.name).toBeDefined();
        expect([metric.category, metric.target], metric.name).toEqual([entry?.category, entry?.target]);
        expect(metric.values, metric.name).toHaveLength(sample.periods.length);
      }
    });

    it("has a sample health score that matches its components under the 40/25/20/15 weights", () => {
      const row = (name: string) =>
        template.sampleAccount.metrics.find((m) => m.metric === name)?.values ?? [];
      const [usage, outcomes, relationship, growth, health] = [
        row(WELL_KNOWN_METRICS.usage),
        row(WELL_KNOWN_METRICS.outcomes),
        row(WELL_KNOWN_METRICS.relationship),
        row(WELL_KNOWN_METRICS.growth),
        row(WELL_KNOWN_METRICS.healthScore),
      ];
      expect(health.length).toBeGreaterThan(0);
      health.forEach((score, i) => {
        const weighted =
          0.4 * Number(usage[i]) +
          0.25 * Number(outcomes[i]) +
          0.2 * Number(relationship[i]) +
          0.15 * Number(growth[i]);
        expect(Math.abs(Number(score) - weighted), `period ${i + 1}`).toBeLessThanOrEqual(0.5);
      });
    });
  },
);

describe("the federal template", () => {
  const catalog = ok(parseCatalog(tableValues(FEDERAL_TEMPLATE.kpiCatalog)));
  const rules = ok(parseRules(tableValues(FEDERAL_TEMPLATE.escalationRules)));
  const entry = (metric: string) => findCatalogEntry(catalog.entries, metric);
  const rulesOf = (metric: string) =>
    rules.rules
      .filter((r) => r.metric === metric)
      .map((r) => [r.severity, r.condition, r.fromMonth, r.respondWithin]);

  it("lists seed 000's contract-facing metrics with targets, CLIN/QASP placeholders and CPARS areas", () => {
    const contract = catalog.entries.filter((e) => e.category === "Contract-facing");
    expect(contract.map((e) => [e.metric, e.target, e.cparsArea])).toEqual([
      ["System uptime", "at least 99.5%", "Quality"],
      ["Mean time to remediate (MTTR) - P1", "at most 4 hours", "Quality"],
      ["POA&M closure rate", "at least 90%", "Management"],
      ["Control deviation rate", "at most 0", "Management"],
      ["Deliverable schedule adherence", "at least 100%", "Schedule"],
    ]);
    for (const e of contract) {
      expect(e.clinRef, e.metric).toMatch(/CLIN/);
      expect(
        [e.definition, e.measurementMethod, e.reportingCadence].every((t) => t !== ""),
        e.metric,
      ).toBe(true);
    }
  });

  it("keeps seed 000's internal metrics and seed 004's expansion triggers internal", () => {
    for (const metric of [
      "Monthly active users (MAU)",
      "Feature utilization depth",
      "Support ticket trend",
      "Sponsor engagement",
      "Internal NPS",
      "Open P1/P2 tickets",
      "Past-due POA&M items",
      "ISSO written confirmation",
      "Agency interest signal",
    ])
      expect(entry(metric)?.category, metric).toBe("Internal");
    expect(entry("Open P1/P2 tickets")?.target).toBe("at most 0");
    expect(entry("ISSO written confirmation")?.target).toBe("is Yes");
  });

  it("escalates per seed 000's thresholds and escalation matrix", () => {
    expect(rulesOf("System uptime")).toEqual([
      [
        "Critical",
        "misses target over any rolling 7 days",
        null,
        "immediately; root cause report within 5 business days",
      ],
    ]);
    expect(rulesOf("Internal NPS")).toEqual([
      ["Warning", "below 6", null, "2 weeks"],
      ["Critical", "below 5", null, "10 business days"],
    ]);
    expect(rulesOf("Monthly active users (MAU)")).toEqual([
      ["Watch", "below 40%", null, "2 weeks"],
      ["Critical", "below 25%", 3, "5 business days"],
    ]);
    expect(rulesOf("POA&M closure rate")).toEqual([["Warning", "below 80%", null, "2 weeks"]]);
    expect(rulesOf("Control deviation rate")[0].slice(0, 2)).toEqual(["Critical", "above 0"]);
    expect(rulesOf("Unauthorized boundary change")).toEqual([["Critical", "is Yes", null, "24 hours"]]);
    expect(rulesOf("Sponsor engagement")[0].slice(0, 2)).toEqual([
      "Warning",
      "below 100% for 2 consecutive periods",
    ]);
    expect(rulesOf("Support ticket trend")[0][2]).toBe(4);
    expect(rulesOf("Deliverable schedule adherence")[0][1]).toBe("misses target");
    expect(rulesOf("Mean time to remediate (MTTR) - P1")[0][1]).toBe("above 4 hours");
  });

  it("starts the fiscal year in October", () => {
    expect(ok(parseSettings(tableValues(FEDERAL_TEMPLATE.settings))).settings.fiscalYearStartMonth).toBe(10);
  });
});

describe("the SaaS template", () => {
  const catalog = ok(parseCatalog(tableValues(SAAS_TEMPLATE.kpiCatalog)));
  const rules = ok(parseRules(tableValues(SAAS_TEMPLATE.escalationRules)));
  const rulesOf = (metric: string) =>
    rules.rules.filter((r) => r.metric === metric).map((r) => [r.severity, r.condition, r.respondWithin]);

  it("carries seed 001's automated triggers on the health score", () => {
    expect(rulesOf("Health score")).toEqual([
      ["Critical", "drops by more than 20", "24 hours"],
      ["Warning", "below 70", "48 hours"],
      ["Critical", "below 50", "24 hours"],
      ["Warning", "declines for 3 consecutive periods", "5 business days"],
    ]);
  });

  it("gives each seed 002 signal a 48-hour yellow and a 24-hour red intervention", () => {
    for (const metric of [
      "Team participation",
      "Customer satisfaction",
      "Support tickets per month",
      "Platform utilization",
    ]) {
      expect(
        rulesOf(metric).map(([severity, , within]) => [severity, within]),
        metric,
      ).toEqual([
        ["Warning", "48 hours"],
        ["Critical", "24 hours"],
      ]);
    }
    expect(rulesOf("Team participation").map((r) => r[1])).toEqual(["at most 80%", "below 60%"]);
  });

  it("converts seed 003's YAML thresholds word for word", () => {
    const target = (metric: string) => findCatalogEntry(catalog.entries, metric)?.target;
    expect(target("Time to first value")).toBe("below 48 hours");
    expect(target("Feature discovery rate")).toBe("above 80%");
    expect(target("API activation rate")).toBe("above 30%");
    expect(target("Onboarding completion")).toBe("above 90%");
    expect(target("Support contact rate")).toBe("below 15%");
    expect(target("System uptime")).toBe("above 99.9%");
  });
});

describe("getWorkbookTemplate", () => {
  it("defaults to the federal template and accepts an id in any case", () => {
    expect(getWorkbookTemplate().id).toBe("federal");
    expect(getWorkbookTemplate(" SaaS ").id).toBe("saas");
  });

  it("names the choices when the id is unknown", () => {
    expect(() => getWorkbookTemplate("commercial")).toThrow(
      'Setup workbook: template must be "federal" or "saas", got "commercial"',
    );
  });
});
