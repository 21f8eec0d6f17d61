// Reading the Review Outcomes tab: one outcome per agenda item, placed by account and review date.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import type { ParsedReviewOutcomes } from "../../../src/domain/workbook/parse-review-outcomes";
import { parseReviewOutcomes } from "../../../src/domain/workbook/parse-review-outcomes";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { COLUMNS } from "../../../src/domain/workbook-schema";

const header: CellValue[] = [...COLUMNS.reviewOutcomes];

function read(rows: CellValue[][]): ParsedReviewOutcomes {
  const result = parseReviewOutcomes([header, ...rows]);
  if (isWorkbookProblem(result)) throw new Error(result.message);
  return result;
}

describe("parseReviewOutcomes", () => {
  it("reads an outcome with its action owner, due date and CPARS area", () => {
    const parsed = read([
      [
        "Dept. of Example",
        new Date("2026-10-15T00:00:00Z"),
        "Q1 outcome review",
        "CS; agency PM",
        "Contract-facing metrics vs. targets",
        "Uptime met",
        "None",
        "ann.lee@agency.gov",
        "2026-11-01",
        "quality",
      ],
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.outcomes[0]).toMatchObject({
      row: 2,
      account: "Dept. of Example",
      reviewType: "Q1 outcome review",
      agendaItem: "Contract-facing metrics vs. targets",
      cparsArea: "Quality",
    });
    expect(parsed.outcomes[0].reviewDate.toISOString()).toBe("2026-10-15T00:00:00.000Z");
    expect(parsed.outcomes[0].actionDue?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("leaves out an outcome with no account or review date and says why", () => {
    const parsed = read([["", "tbd", "", "", "Open issues", "", "", "", "", ""]]);
    expect(parsed.outcomes).toEqual([]);
    expect(parsed.problems[0].message).toBe(
      'Review Outcomes row 2: A2 has no account; Review date "tbd" in B2 is not a date; the outcome is left out of reviews',
    );
  });

  it("reads an unreadable due date and CPARS area as blank, with a problem each", () => {
    const parsed = read([["Acme", "2026-10-15", "", "", "", "", "", "", "soon", "Speed"]]);
    expect(parsed.outcomes[0]).toMatchObject({ actionDue: null, cparsArea: null });
    expect(parsed.problems.map((p) => p.reason)).toEqual([
      'row 2: Action due "soon" in I2 is not a date; read as blank',
      'row 2: CPARS area "Speed" in J2 is not one of Schedule, Quality, Cost or Management; read as blank',
    ]);
  });
});
