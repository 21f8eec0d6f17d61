// Reading an account tab: key/value header, grid header, period columns and metric rows, and the problems users see.
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import type { ReadWallClock } from "../../../src/domain/civil-date";
import type { ParsedAccountTab } from "../../../src/domain/workbook/parse-account-tab";
import { parseAccountTab } from "../../../src/domain/workbook/parse-account-tab";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { isAccountSheet } from "../../../src/domain/workbook-schema";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A well-formed account tab; `edit` changes it before it is made rectangular like getValues(). */
function tab(edit: (rows: CellValue[][]) => void = () => {}): CellValue[][] {
  const rows: CellValue[][] = [
    ["Account", "Dept. of Example"],
    ["Owner email", "ann.lee@agency.gov"],
    ["Go-live date", utc("2026-04-01")],
    ["Provisioned users", 250],
    ["Starting ARR", 180000],
    ["Contract / CLIN", "CLIN 0001"],
    ["", ""],
    ["Metric", "Category", "Target", utc("2026-07-01"), utc("2026-08-01"), utc("2026-09-01")],
    ["System uptime", "Contract-facing", "at least 99.5%", 0.999, 0.998, ""],
    ["Monthly active users (MAU)", "Internal", "at least 70%", 0.5, 0.55, 0.6],
  ];
  edit(rows);
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<CellValue>(width - row.length).fill("")]);
}

function parsed(values: CellValue[][]): ParsedAccountTab {
  const result = parseAccountTab("Example", values);
  if (isWorkbookProblem(result)) throw new Error(`unexpected problem: ${result.message}`);
  return result;
}

function problem(values: CellValue[][]): string {
  const result = parseAccountTab("Example", values);
  if (!isWorkbookProblem(result)) throw new Error("expected a problem, the tab was read");
  return result.reason;
}

describe("parseAccountTab: a well-formed tab", () => {
  it("reads the account details of rows 1–6", () => {
    const account = parsed(tab());
    expect(account).toMatchObject({
      tabName: "Example",
      account: "Dept. of Example",
      ownerEmail: "ann.lee@agency.gov",
      provisionedUsers: 250,
      startingArr: 180000,
      contract: "CLIN 0001",
    });
    expect(account.goLive?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(account.warnings).toEqual([]);
  });

  it("gives each period its sheet column and each metric its sheet row, values aligned to periods", () => {
    const account = parsed(tab());
    expect(account.periods.map((p) => [p.column, p.date.toISOString().slice(0, 10)])).toEqual([
      [4, "2026-07-01"],
      [5, "2026-08-01"],
      [6, "2026-09-01"],
    ]);
    expect(account.metrics).toEqual([
      {
        name: "System uptime",
        row: 9,
        category: "Contract-facing",
        target: "at least 99.5%",
        values: [0.999, 0.998, ""],
        columns: [4, 5, 6],
      },
      {
        name: "Monthly active users (MAU)",
        row: 10,
        category: "Internal",
        target: "at least 70%",
        values: [0.5, 0.55, 0.6],
        columns: [4, 5, 6],
      },
    ]);
  });

  it("accepts header keys in another order, case and spacing", () => {
    const account = parsed(
      tab((rows) => {
        [rows[1], rows[4]] = [rows[4], rows[1]];
        rows[1][0] = "  starting   arr";
        rows[4][0] = "OWNER EMAIL";
      }),
    );
    expect(account.ownerEmail).toBe("ann.lee@agency.gov");
    expect(account.startingArr).toBe(180000);
  });

  it("accepts grid columns in another order and leaves a Notes column alone", () => {
    const account = parsed(
      tab((rows) => {
        rows[7] = ["Target", "Metric", "Category", "Notes", utc("2026-07-01"), utc("2026-08-01")];
        rows[8] = ["at least 99.5%", "System uptime", "Contract-facing", "SLA credit?", 0.999, 0.998];
        rows[9] = ["at least 70%", "Monthly active users (MAU)", "Internal", "", 0.5, 0.55];
      }),
    );
    expect(account.gridColumns).toEqual({ metric: 2, category: 3, target: 1 });
    expect(account.extraColumns).toEqual([{ column: 4, header: "Notes" }]);
    expect(account.metrics[0]).toMatchObject({
      name: "System uptime",
      values: [0.999, 0.998],
      columns: [5, 6],
    });
  });

  it("accepts period headers typed as text such as Oct 2026 or 2026-11", () => {
    const account = parsed(
      tab((rows) => {
        rows[7] = ["Metric", "Category", "Target", "Oct 2026", "2026-11"];
      }),
    );
    expect(account.periods.map((p) => p.date.toISOString())).toEqual([
      "2026-10-01T00:00:00.000Z",
      "2026-11-01T00:00:00.000Z",
    ]);
  });

  it("reads dates that come from another JavaScript realm (the Apps Script bundle's vm)", () => {
    const foreign = (iso: string) => runInNewContext(`new Date("${iso}T00:00:00Z")`) as Date;
    expect(foreign("2026-07-01") instanceof Date).toBe(false);
    const account = parsed(
      tab((rows) => {
        rows[2][1] = foreign("2026-04-01");
        rows[7] = ["Metric", "Category", "Target", foreign("2026-07-01"), foreign("2026-08-01")];
      }),
    );
    expect(account.periods.map((p) => p.month)).toEqual([
      { year: 2026, month: 7, day: 1 },
      { year: 2026, month: 8, day: 1 },
    ]);
    expect(account.goLive?.getTime()).toBe(Date.UTC(2026, 3, 1));
  });

  it("reads date cells on the spreadsheet's own wall clock when the adapter supplies it", () => {
    const sydney: ReadWallClock = (date) => {
      const shifted = new Date(date.getTime() + 10 * 3_600_000);
      return {
        year: shifted.getUTCFullYear(),
        month: shifted.getUTCMonth() + 1,
        day: shifted.getUTCDate(),
        hour: shifted.getUTCHours(),
        minute: shifted.getUTCMinutes(),
        second: shifted.getUTCSeconds(),
      };
    };
    const midnightSydney = new Date("2026-06-30T14:00:00Z");
    const result = parseAccountTab(
      "Example",
      tab((rows) => {
        rows[7] = ["Metric", "Category", "Target", midnightSydney, "Aug 2026"];
      }),
      { readWallClock: sydney },
    );
    if (isWorkbookProblem(result)) throw new Error(result.message);
    expect(result.periods[0].month).toEqual({ year: 2026, month: 7, day: 1 });
    expect(result.periods[1].date.toISOString()).toBe("2026-07-31T14:00:00.000Z");
  });

  it("reads a text go-live date, a currency Starting ARR and leaves blank details as null", () => {
    const account = parsed(
      tab((rows) => {
        rows[2][1] = "2026-04-01";
        rows[3][1] = "";
        rows[4][1] = "$180,000";
      }),
    );
    expect(account.goLive?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(account.provisionedUsers).toBeNull();
    expect(account.startingArr).toBe(180000);
  });

  it("warns when the go-live date is blank", () => {
    const account = parsed(
      tab((rows) => {
        rows[2][1] = "";
      }),
    );
    expect(account.goLive).toBeNull();
    expect(account.warnings).toEqual([
      'row 3: "Go-live date" in B3 is blank; months since go-live are unknown',
    ]);
  });

  it("skips blank rows and warns about values without a metric name", () => {
    const account = parsed(
      tab((rows) => {
        rows.push(
          ["", "", "", "", "", ""],
          ["", "", "", 12, "", ""],
          ["ARR", "Internal", "", 180000, 180000, 190000],
        );
      }),
    );
    expect(account.metrics.map((m) => [m.name, m.row])).toEqual([
      ["System uptime", 9],
      ["Monthly active users (MAU)", 10],
      ["ARR", 13],
    ]);
    expect(account.warnings).toEqual(["row 12: no metric name in A12; the row is ignored"]);
  });

  it("warns about a skipped month and about values under a column with no period", () => {
    const account = parsed(
      tab((rows) => {
        rows[7] = ["Metric", "Category", "Target", utc("2026-07-01"), utc("2026-09-01"), ""];
        rows[9] = ["Monthly active users (MAU)", "Internal", "at least 70%", 0.5, 0.55, 0.6];
      }),
    );
    expect(account.warnings).toEqual([
      "row 8: no column for Aug 2026 between D8 and E8",
      "row 8: column F has values but no period in F8; they are ignored",
    ]);
  });

  it("reads a period header that is not the first of the month as its month, with a warning", () => {
    const account = parsed(
      tab((rows) => {
        rows[7][5] = utc("2026-09-15");
      }),
    );
    expect(account.periods[2].date.toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(account.warnings).toEqual([
      'row 8: period header "2026-09-15" in F8 is not the first day of a month; read as Sep 2026',
    ]);
  });
});

describe("parseAccountTab: a tab that almost matches", () => {
  it("names the missing Owner email key and what it found instead", () => {
    expect(
      problem(
        tab((rows) => {
          rows[1][0] = "Owner";
        }),
      ),
    ).toBe('row 2: expected "Owner email" in A2, found "Owner"');
  });

  it("says the full message with the tab name for a run summary", () => {
    const result = parseAccountTab(
      "Dept. of Example",
      tab((rows) => {
        rows[1][0] = "";
      }),
    );
    expect(isWorkbookProblem(result) && result.message).toBe(
      'Dept. of Example row 2: expected "Owner email" in A2, found a blank cell',
    );
  });

  it("rejects a malformed owner email", () => {
    expect(
      problem(
        tab((rows) => {
          rows[1][1] = "ann.lee at agency";
        }),
      ),
    ).toBe(
      'row 2: "Owner email" in B2 must be the owner\'s email address, such as name@agency.gov, got "ann.lee at agency"',
    );
  });

  it("rejects a go-live date, user count or ARR that is not what the key says", () => {
    const reason = problem(
      tab((rows) => {
        rows[2][1] = "soon";
        rows[3][1] = 12.5;
        rows[4][1] = "lots";
      }),
    );
    expect(reason).toBe(
      'row 3: "Go-live date" in B3 must be a date such as 2026-04-01, got "soon"; ' +
        'row 4: "Provisioned users" in B4 must be a whole number of users (or blank), got 12.5; ' +
        'row 5: "Starting ARR" in B5 must be an amount such as 180000 (or blank), got "lots"',
    );
  });

  it("reports a grid header without a Metric column", () => {
    expect(
      problem(
        tab((rows) => {
          rows[7][0] = "KPI";
        }),
      ),
    ).toBe(
      'row 8: no "Metric" column in the grid header (row 8 must hold "Metric", "Category", "Target" and one column per month)',
    );
  });

  it("points at the row where the grid header went when a row was inserted above it", () => {
    const reason = problem(
      tab((rows) => {
        rows.splice(7, 0, ["", ""]);
      }),
    );
    expect(reason).toBe(
      'row 8: no "Metric", "Category" and "Target" columns in the grid header; found "Metric" in A9, ' +
        "but the grid header must be row 8 (rows 1–7 hold the account details)",
    );
  });

  it("reports the same month twice, naming both cells", () => {
    expect(
      problem(
        tab((rows) => {
          rows[7][5] = "Aug 2026";
        }),
      ),
    ).toBe("row 8: period Aug 2026 appears twice (E8 and F8); keep one column per month");
  });

  it("reports periods out of date order", () => {
    expect(
      problem(
        tab((rows) => {
          rows[7][4] = utc("2026-06-01");
        }),
      ),
    ).toBe(
      "row 8: periods must run oldest to newest from left to right, but Jun 2026 in E8 comes after Jul 2026 in D8",
    );
  });

  it("rejects a period header that tries to be a date and fails", () => {
    expect(
      problem(
        tab((rows) => {
          rows[7][5] = "2026-13";
        }),
      ),
    ).toBe(
      'row 8: period header "2026-13" in F8 is not a month; expected a month as a date (e.g. 2026-10-01) or text such as "Oct 2026"',
    );
  });

  it("rejects a period header that lost its date format", () => {
    expect(
      problem(
        tab((rows) => {
          rows[7][5] = 46266;
        }),
      ),
    ).toContain("period header 46266 in F8 is not a month (format the cell as a date)");
  });

  it("rejects a metric that appears on two rows", () => {
    expect(
      problem(
        tab((rows) => {
          rows.push(["system  UPTIME", "Contract-facing", "", 1, 1, 1]);
        }),
      ),
    ).toBe('row 11: metric "system  UPTIME" appears in both A9 and A11; keep one row per metric');
  });

  it("reports a repeated key instead of picking one", () => {
    expect(
      problem(
        tab((rows) => {
          rows[6] = ["Owner email", "bob@agency.gov"];
        }),
      ),
    ).toBe('row 7: "Owner email" appears more than once in column A (A2, A7); keep one');
  });
});

describe("isAccountSheet", () => {
  it("recognises a tab whose A1 is Account in any case", () => {
    expect(isAccountSheet("Acme", [[" ACCOUNT ", "x"]])).toBe(true);
    expect(isAccountSheet("review outcomes", [["Account", "Review date"]])).toBe(false);
    expect(isAccountSheet("Portfolio", [["Account", "Owner"]])).toBe(false);
    expect(isAccountSheet("Acme", [["Setting", "Value"]])).toBe(false);
    expect(isAccountSheet("Acme", [])).toBe(false);
  });
});
