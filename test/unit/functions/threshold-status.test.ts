// THRESHOLD_STATUS: one status per metric row, streaks and changes along the row, targets, bad rules.
import { describe, expect, it } from "vitest";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import { zoneWallClock } from "../../../src/domain/zone-wall-clock";
import { thresholdStatusFunction } from "../../../src/functions/threshold-status-function";

const MAU_RULES = "below 40%: Training conversation; below 25%: At-risk escalation";
const status = (values: unknown, rules: unknown, target?: unknown) =>
  thresholdStatusFunction(values, rules, target, readWallClockUtc);

describe("THRESHOLD_STATUS", () => {
  it("gives the label of the last matching clause for the latest period", () => {
    expect(status([[0.5, 0.45, 0.38]], MAU_RULES)).toBe("Training conversation");
    expect(status([[0.5, 0.3, 0.2]], MAU_RULES)).toBe("At-risk escalation");
    expect(status(0.72, MAU_RULES)).toBe("OK");
  });
  it("gives a column of statuses for a column of accounts", () => {
    expect(status([[0.72], [0.3], [""]], MAU_RULES)).toEqual([["OK"], ["Training conversation"], [""]]);
  });
  it("looks back along the row for streaks", () => {
    const rules = "below 100% for 2 consecutive periods: Escalate to Federal Posture Lead";
    expect(status([[1, 0.5, 0.5]], rules)).toBe("Escalate to Federal Posture Lead");
    expect(status([[0.5, 1, 0.5]], rules)).toBe("OK");
  });
  it("serves misses target from the target argument", () => {
    expect(status([[0.9991, 0.9982]], "misses target: SLA breach", "at least 99.9%")).toBe("SLA breach");
    expect(status([[0.9982, 0.9995]], "misses target: SLA breach", "at least 99.9%")).toBe("OK");
  });
  it("takes one rule list per row from a column", () => {
    expect(status([[30], [6]], [["below 50: Red"], ["above 4 hours: Slow"]])).toEqual([["Red"], ["Slow"]]);
  });
  it("explains a rule list it cannot read", () => {
    expect(() => status(0.3, "below 40%")).toThrow(/THRESHOLD_STATUS: rules .*no label/);
    expect(() => status(0.3, "below blah: X")).toThrow(/THRESHOLD_STATUS: rules .*"blah"/);
  });
  it("reports an unreadable value instead of saying OK", () => {
    expect(() => status([["abc"]], MAU_RULES)).toThrow(/THRESHOLD_STATUS: a value could not be read .*abc/);
  });

  it("reads the clock only for duration cells, once for a whole column of them", () => {
    let readings = 0;
    const clock = () =>
      zoneWallClock((date) => {
        readings += 1;
        return readWallClockUtc(date);
      });
    const rules = "above 4 hours: Slow";
    expect(
      thresholdStatusFunction(
        [
          [5, 3],
          [2, 6],
        ],
        rules,
        undefined,
        clock(),
      ),
    ).toEqual([["OK"], ["Slow"]]);
    expect(readings).toBe(0);
    // Durations: Sheets passes a duration cell as a Date on the 1899-12-30 epoch.
    const hours = (h: number) => new Date(Date.UTC(1899, 11, 30, h));
    const durations = Array.from({ length: 500 }, (_, i) => [hours(i % 2 ? 6 : 2)]);
    const statuses = thresholdStatusFunction(durations, rules, undefined, clock()) as string[][];
    expect(statuses[0][0]).toBe("OK");
    expect(statuses[1][0]).toBe("Slow");
    expect(readings).toBeGreaterThan(0);
    expect(readings).toBeLessThanOrEqual(2);
  });
});
