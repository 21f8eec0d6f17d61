// The fiscal year to date and the year month by month: which months count, months met of reported, the worst month.
import { describe, expect, it } from "vitest";
import { parseQuarterLabel } from "../../../src/domain/calendar/fiscal-quarter";
import { buildReviewDocument } from "../../../src/domain/review/build-review-document";
import { fiscalYearToDate, metricRecord, twelveMonthsTo } from "../../../src/domain/review/metric-record";
import { reviewContext } from "../../../src/domain/review/review-context";
import { formatMonthList, reviewQuarter } from "../../../src/domain/review/review-quarter";
import { federalInput, logEntries, sampleAccount } from "./review-fixture";

const quarter = (label: string, fyStart: number) => reviewQuarter(parseQuarterLabel(label), fyStart);
const rowsOf = (input: ReturnType<typeof federalInput>) =>
  buildReviewDocument(input).rows.map((row) => ({
    key: row.key,
    cells: row.cells.map((c) =>
      c ? (typeof c.value === "object" ? formatMonthList([c.value]) : String(c.value)) : "",
    ),
    tones: row.cells.map((c) => c?.tone ?? null),
  }));

describe("which months a record covers", () => {
  it("runs the fiscal year to date from its first month to the quarter's last", () => {
    expect(formatMonthList(fiscalYearToDate(quarter("FY26 Q4", 10)))).toBe(
      "Oct 2025, Nov, Dec 2025, Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep 2026".replace(
        "Oct 2025, Nov, Dec 2025",
        "Oct, Nov, Dec 2025",
      ),
    );
    expect(formatMonthList(fiscalYearToDate(quarter("FY27 Q1", 10)))).toBe("Oct, Nov, Dec 2026");
    expect(formatMonthList(fiscalYearToDate(quarter("FY26 Q2", 1)))).toBe(
      "Jan, Feb, Mar, Apr, May, Jun 2026",
    );
  });

  it("takes the twelve months to the quarter's end for the year in review (the fiscal year in Q4)", () => {
    const fourth = twelveMonthsTo(quarter("FY26 Q4", 10));
    expect(fourth).toHaveLength(12);
    expect(formatMonthList([fourth[0], fourth[11]])).toBe("Oct 2025, Sep 2026");
    const second = twelveMonthsTo(quarter("FY26 Q2", 10));
    expect(formatMonthList([second[0], second[11]])).toBe("Apr 2025, Mar 2026");
  });
});

describe("the fiscal year to date in the review (federal sample: Apr–Sep 2026 reported, FY from October)", () => {
  it("counts months met of months reported, and names the worst month with its breach", () => {
    const escalations = logEntries([
      {
        ID: "ESC-0004",
        Account: "Sample Agency",
        Metric: "System uptime",
        Since: "2026-06",
        Severity: "Critical",
        Condition: "misses target over any rolling 7 days",
        Status: "Resolved",
      },
    ]);
    const context = reviewContext(federalInput({ escalations }));
    const uptime = context.metrics.find((m) => m.row.name === "System uptime");
    if (!uptime) throw new Error("no uptime");
    const record = metricRecord(uptime.over(fiscalYearToDate(context.quarter)), true);
    expect(record).toMatchObject({ reported: 6, met: 5 });
    expect(record.worst?.month).toEqual({ year: 2026, month: 6, day: 1 });
    expect(record.worst?.severity).toBe("Critical");

    const row = rowsOf(federalInput({ escalations })).find((r) => r.key === "contract|ytd|system uptime");
    expect(row?.cells.slice(0, 7)).toEqual([
      "System uptime",
      "Quality",
      "at least 99.5%",
      "5 of 6",
      String(5 / 6),
      "Critical",
      "Jun 2026",
    ]);
    expect(row?.cells[7]).toBe(
      "99.42% — Critical: misses target over any rolling 7 days (Jun 2026 · ESC-0004), recovered Jul 2026",
    );
  });

  it("sums the months per CPARS area", () => {
    const rows = rowsOf(federalInput());
    const byArea = rows.find((r) => r.key === "contract|ytd by area")?.cells[0];
    expect(byArea).toBe(
      "FY26 to date by CPARS area — Schedule: 5 of 6 monthly results met · Quality: 8 of 10 monthly results met · " +
        "Management: 3 of 4 monthly results met.",
    );
  });

  it("shows the year month by month only in the quarter of the annual review", () => {
    // Go-live Apr 1, 2026: month 12 is Apr 2027, in FY27 Q3 (April–June 2027).
    const annual = rowsOf(federalInput({ quarterLabel: "FY27 Q3", today: { year: 2027, month: 7, day: 2 } }));
    expect(annual.some((r) => r.key === "contract|year title")).toBe(true);
    const months = annual.filter((r) => r.key.startsWith("contract|year|1|") && /\d{4}$/.test(r.key));
    expect(months.map((r) => r.cells[0])).toEqual([
      "Jul 2026",
      "Aug 2026",
      "Sep 2026",
      "Oct 2026",
      "Nov 2026",
      "Dec 2026",
      "Jan 2027",
      "Feb 2027",
      "Mar 2027",
      "Apr 2027",
      "May 2027",
      "Jun 2027",
    ]);
    const quarterly = rowsOf(federalInput());
    expect(quarterly.some((r) => r.key === "contract|year title")).toBe(false);
  });

  it("colours a breaching month by its severity and a missed target as Watch in the year table", () => {
    const account = sampleAccount((tab) => {
      for (const metric of tab.metrics) {
        if (metric.metric === "System uptime")
          metric.values = [0.9991, 0.9987, 0.9942, 0.9995, 0.994, 0.9993];
        if (metric.metric === "POA&M closure rate") metric.values = ["", "", 0.86, "", 0.86, 0.92];
      }
      return tab;
    });
    const rows = rowsOf(
      federalInput({ account, quarterLabel: "FY27 Q3", today: { year: 2027, month: 7, day: 2 } }),
    );
    const header = rows.find((r) => r.key === "contract|year|1|columns")?.cells ?? [];
    const august = rows.find((r) => r.key === "contract|year|1|aug 2026");
    const september = rows.find((r) => r.key === "contract|year|1|sep 2026");
    expect(august?.tones[header.indexOf("System uptime")]).toBe("Critical");
    expect(august?.tones[header.indexOf("POA&M closure rate")]).toBe("Watch");
    expect(september?.tones[header.indexOf("POA&M closure rate")]).toBeNull();
    const met = rows.find((r) => r.key === "contract|year|1|met");
    expect(met?.cells[header.indexOf("POA&M closure rate")]).toBe("1 of 2");
  });
});
