// The Audit Log's "Where" column names cells the way Sheets does.
import { describe, expect, it } from "vitest";
import { columnLetter, tabReference } from "../../../src/domain/workbook/cell-address";

describe("A1 references in the Audit Log", () => {
  it("names columns past Z with two letters", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });

  it("quotes tab names with spaces or quotes", () => {
    expect(tabReference("Acme", 12, 6)).toBe("Acme!F12");
    expect(tabReference("KPI Catalog", 5, 1, 8)).toBe("'KPI Catalog'!A5:H5");
    expect(tabReference("Dept. of O'Brien", 2, 2)).toBe("'Dept. of O''Brien'!B2");
  });
});
