// Availability and P1 incidents in the review and the CO report: the month passes while its worst 7-day window breaches.
import { describe, expect, it } from "vitest";
import { buildReviewDocuments } from "../../../src/domain/review/build-review-document";
import type { ReviewDocument } from "../../../src/domain/review/review-document";
import type { Incident } from "../../../src/domain/workbook/parse-incidents";
import { federalInput } from "./review-fixture";

const outage: Incident = {
  row: 2,
  account: "Sample Agency",
  id: "INC-0042",
  priority: "P1",
  started: new Date("2026-08-10T14:00:00Z"),
  resolved: new Date("2026-08-10T17:00:00Z"),
  affectsAvailability: true,
  summary: "Storage controller failover stalled; on-call paged late",
  rootCauseReport: null,
  cells: [],
};

const rowOf = (document: ReviewDocument, key: string) => {
  const row = document.rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}: ${document.rows.map((r) => r.key).join(", ")}`);
  return row;
};

describe("availability from incidents in the review", () => {
  const input = federalInput({ incidents: [outage], now: new Date("2026-10-05T12:00:00Z") });
  const { review, coReport } = buildReviewDocuments(input);

  it("shows a 3-hour outage's month as met while its worst 7-day window misses the target, with when the window ran", () => {
    const august = rowOf(review, "contract|incidents|aug 2026");
    expect(august.cells[1]?.value).toBeCloseTo(1 - 180 / (31 * 1440), 6);
    expect(august.cells[1]?.tone).toBe("OK");
    expect(august.cells[2]?.value).toBeCloseTo(1 - 180 / (7 * 1440), 6);
    expect(august.cells[2]?.tone).toBe("Critical");
    expect(String(august.cells[3]?.value)).toMatch(/^Aug \d+, \d+:\d\d [AP]M – Aug \d+, \d+:\d\d [AP]M$/);
    expect(august.cells[6]?.value).toBe(1);
    expect(august.cells[7]?.value).toBe("mean 3.0 h; worst INC-0042 3.0 h");
    // Before the first incident on the tab nobody logged outages: not claimed as fully available.
    const july = rowOf(review, "contract|incidents|jul 2026");
    expect(july.cells[1]?.value).toBe("—");
    expect(july.cells[3]?.value).toBe("not tracked: the Incidents tab starts Aug 10, 2:00 PM");
    const september = rowOf(review, "contract|incidents|sep 2026");
    expect(september.cells[1]?.value).toBe(1);
    expect(september.cells[7]?.value).toBe("no P1 resolved");
  });

  it("lists the quarter's P1 with its time to remediate and root cause report; the summary only on the review tab", () => {
    const line = rowOf(review, "contract|incident|inc-0042");
    expect(line.cells[0]?.value).toBe("INC-0042 · P1");
    expect(line.cells[6]?.value).toBe("3.0 h");
    expect(String(line.cells[7]?.value)).toContain("root cause report not delivered yet");
    expect(String(line.cells[7]?.value)).toContain("Storage controller failover");
    const coLine = rowOf(coReport as ReviewDocument, "metrics|incident|inc-0042");
    expect(String(coLine.cells[7]?.value)).not.toContain("Storage controller");
  });

  it("judges System uptime (measured from Incidents in the catalog) on the incidents, as the scan does", () => {
    const uptime = rowOf(review, "contract|system uptime");
    // Jul–Sep 2026: Sep fully up, Aug down 3 hours; the rolling 7-day rule fires in August.
    // July ended before the first incident on the tab (Aug 10): its typed 99.95% stands, not a claimed 100%.
    expect(uptime.cells[3]?.value).toBe(0.9995);
    expect(uptime.cells[4]?.value).toBeCloseTo(1 - 180 / (31 * 1440), 6);
    expect(uptime.cells[4]?.tone).toBe("Critical");
    expect(uptime.cells[6]?.value).toBe("Critical");
    expect(String(uptime.cells[7]?.value)).toContain("misses target over any rolling 7 days (Aug 2026)");
  });

  it("names the time zone its incident times are on, in the review and the CO report", () => {
    const zoned = buildReviewDocuments({ ...input, timeZone: "Etc/UTC" });
    for (const document of [zoned.review, zoned.coReport as ReviewDocument])
      expect(
        String(
          rowOf(document, document === zoned.review ? "contract|incidents title" : "metrics|incidents title")
            .cells[0]?.value,
        ),
      ).toContain("the SLA is judged over any rolling 7 days; times UTC (Etc/UTC)");
    expect(String(rowOf(review, "contract|incidents title").cells[0]?.value)).not.toContain("times");
  });

  it("says nothing of incidents for an account that logs none", () => {
    const { review: plain } = buildReviewDocuments(federalInput({ now: new Date("2026-10-05T12:00:00Z") }));
    expect(plain.rows.some((r) => r.key.includes("incidents"))).toBe(false);
  });
});
