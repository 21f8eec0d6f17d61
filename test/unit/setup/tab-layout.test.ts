// Unit tests of the setup layouts: what each new tab will hold, how each cell is formatted, where the dropdowns go.
import { describe, expect, it } from "vitest";
import {
  accountTabLayout,
  MONTH_FORMAT,
  TEXT_FORMAT,
  workbookLayouts,
} from "../../../src/domain/setup/tab-layout";
import { FEDERAL_TEMPLATE } from "../../../src/domain/templates/federal-template";
import { SAAS_TEMPLATE } from "../../../src/domain/templates/saas-template";
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
} from "../../../src/domain/workbook-schema";

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("setup tab layouts", () => {
  for (const template of [FEDERAL_TEMPLATE, SAAS_TEMPLATE]) {
    describe(`${template.id} template`, () => {
      const layouts = workbookLayouts(template, toDate);

      it("lists every SPEC §2 tab, then the sample account tab", () => {
        expect(layouts.map((layout) => layout.name)).toEqual([
          TAB.settings,
          TAB.kpiCatalog,
          TAB.escalationRules,
          ROLES_TAB,
          TAB.escalationLog,
          TAB.auditLog,
          TAB.reviewOutcomes,
          TAB.portfolio,
          TAB.incidents,
          template.sampleAccount.tabName,
        ]);
      });

      it("puts the SPEC §2 headers in row 1 of each table tab and every template row below", () => {
        const byName = new Map(layouts.map((layout) => [layout.name, layout]));
        expect(byName.get(TAB.kpiCatalog)?.values[0]).toEqual([
          ...COLUMNS.kpiCatalog,
          ...OPTIONAL_COLUMNS.kpiCatalog,
        ]);
        expect(
          byName
            .get(TAB.kpiCatalog)
            ?.values.slice(1)
            .map((row) => row[0]),
        ).toEqual(template.kpiCatalog.rows.map((row) => row.Metric));
        expect(byName.get(TAB.escalationRules)?.values.length).toBe(template.escalationRules.rows.length + 1);
        expect(byName.get(TAB.escalationLog)?.values).toEqual([[...ESCALATION_LOG_HEADER]]);
        // Roles: every role the template's rules escalate to, emails left for the team.
        const roles = byName.get(ROLES_TAB)?.values ?? [];
        expect(roles[0]).toEqual([...ROLES_COLUMNS]);
        for (const row of roles.slice(1)) expect(row[1]).toBe("");
        expect(byName.get(TAB.reviewOutcomes)?.values).toEqual([
          [...COLUMNS.reviewOutcomes, ...OPTIONAL_COLUMNS.reviewOutcomes],
        ]);
      });

      it("gives every cell a number format, text cells the text format, and bolds only headers", () => {
        for (const layout of layouts) {
          expect(layout.numberFormats.map((row) => row.length)).toEqual(
            layout.values.map((row) => row.length),
          );
          layout.values.forEach((row, r) => {
            row.forEach((cell, c) => {
              if (typeof cell === "string" && cell !== "")
                expect(layout.numberFormats[r][c]).toBe(TEXT_FORMAT);
            });
          });
          expect(layout.bold[0].some(Boolean)).toBe(true);
          expect(layout.frozenRows).toBeGreaterThan(0);
        }
      });

      it("adds dropdowns for Category, Severity, CPARS area, Segment and Reaches CO", () => {
        const dropdowns = layouts.flatMap((layout) =>
          layout.dropdowns.map((dropdown) => ({
            tab: layout.name,
            header: layout.values[dropdown.fromRow - 2][dropdown.column - 1],
            values: [...dropdown.values],
          })),
        );
        expect(dropdowns).toEqual([
          { tab: TAB.kpiCatalog, header: "Category", values: [...CATEGORIES] },
          { tab: TAB.kpiCatalog, header: "CPARS area", values: [...CPARS_AREAS] },
          { tab: TAB.kpiCatalog, header: "Segment", values: ["All", "Federal", "Commercial"] },
          { tab: TAB.escalationRules, header: "Severity", values: [...SEVERITIES] },
          { tab: TAB.escalationRules, header: "Segment", values: ["All", "Federal", "Commercial"] },
          { tab: TAB.escalationRules, header: "Reaches CO", values: ["Yes"] },
          { tab: TAB.reviewOutcomes, header: "CPARS area", values: [...CPARS_AREAS] },
          { tab: TAB.incidents, header: "Priority", values: ["P1", "P2", "P3", "P4"] },
          { tab: TAB.incidents, header: "Affects availability", values: ["Yes", "No"] },
          { tab: template.sampleAccount.tabName, header: "Category", values: [...CATEGORIES] },
        ]);
      });
    });
  }

  it("centres the Portfolio's short figures (Health score, Band, NRR, GRR, Overdue) as whole columns", () => {
    const portfolio = workbookLayouts(FEDERAL_TEMPLATE, toDate).find(
      (layout) => layout.name === TAB.portfolio,
    )!;
    const centred = portfolio.centredColumns.map((column) => COLUMNS.portfolio[column - 1]);
    expect(centred).toEqual(["Health score", "Band", "NRR", "GRR", "Overdue"]);
  });

  it("writes the sample account's periods as dates shown as months and each metric row in its own format", () => {
    const layout = accountTabLayout(FEDERAL_TEMPLATE.sampleAccount, toDate);
    expect(layout.values[7].slice(3)).toEqual(FEDERAL_TEMPLATE.sampleAccount.periods.map(toDate));
    expect(layout.numberFormats[7].slice(3).every((format) => format === MONTH_FORMAT)).toBe(true);
    const uptime = layout.values.findIndex((row) => row[0] === "System uptime");
    expect(layout.numberFormats[uptime][3]).toBe("0.00%");
    expect(layout.frozenRows).toBe(8);
  });

  it("puts the active user's address as the sample account's owner when it is known", () => {
    expect(accountTabLayout(SAAS_TEMPLATE.sampleAccount, toDate, "me@agency.gov").values[1][1]).toBe(
      "me@agency.gov",
    );
    expect(accountTabLayout(SAAS_TEMPLATE.sampleAccount, toDate).values[1][1]).toBe(
      SAAS_TEMPLATE.sampleAccount.ownerEmail,
    );
  });
});
