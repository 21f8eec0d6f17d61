// The Audit Log's "Where" column names cells the way Sheets does.
import { describe, expect, it } from "vitest";
import { a1, columnLetters } from "../../../src/domain/sidebar/a1-notation";

describe("A1 references in the Audit Log", () => {
  it("names columns past Z with two letters", () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });

  it("quotes tab names with spaces or quotes", () => {
    expect(a1("Acme", 12, 6)).toBe("Acme!F12");
    expect(a1("KPI Catalog", 5, 1, 8)).toBe("'KPI Catalog'!A5:H5");
    expect(a1("Dept. of O'Brien", 2, 2)).toBe("'Dept. of O''Brien'!B2");
  });
});
