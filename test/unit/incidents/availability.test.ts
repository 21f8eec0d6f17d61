// Availability from incidents: the month's uptime and its worst rolling 7-day window, across month ends and clock changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReadWallClock } from "../../../src/domain/civil-date";
import { evaluateCondition, parseCondition } from "../../../src/domain/condition";
import {
  accountDowntime,
  availabilitySeries,
  isAvailabilityWindow,
  MINUTE_MS,
  monthAvailability,
  monthSpan,
  SLA_WINDOW_MS,
} from "../../../src/domain/incidents";
import { formatInstant } from "../../../src/domain/workbook/date-time-cells";
import type { Incident } from "../../../src/domain/workbook/parse-incidents";
import { at, incident, NEW_YORK, UTC } from "./incident-fixtures";

const percent = (fraction: number) => Math.round(fraction * 10_000) / 100;
const shown = (instant: number, clock: ReadWallClock = UTC) => formatInstant(instant, clock);

describe("the 3-hour outage of issue 13", () => {
  // April has 30 days; the outage is on the 14th, and the scan runs at the start of May.
  const outage = [incident({ id: "INC-7", started: "2026-04-14 10:00", resolved: "2026-04-14 13:00" })];
  const now = at("2026-05-02 07:00");
  const april = monthAvailability(accountDowntime(outage, "Acme", now), { year: 2026, month: 4 });

  it("reads 99.58% for the month, which passes at least 99.5%", () => {
    expect(april.minutes).toBe(30 * 24 * 60);
    expect(april.downtimeMinutes).toBe(180);
    expect(percent(april.availability)).toBe(99.58);
    expect(april.complete).toBe(true);
  });

  it("reads 98.2% for its worst 7-day window, which breaches below 99.5% over any rolling 7 days", () => {
    const worst = april.worstWindow!;
    expect(percent(worst.value)).toBe(98.21);
    expect(worst.downtimeMinutes).toBe(180);
    expect(worst.outages.map((o) => o.incident.id)).toEqual(["INC-7"]);
    // Of the windows that hold the whole outage, the earliest: the week up to the end of the outage.
    expect([shown(worst.start), shown(worst.end)]).toEqual(["2026-04-07 13:00", "2026-04-14 13:00"]);
  });

  it("fires the rolling rule, names the window, and leaves the plain monthly rule quiet", () => {
    const series = availabilitySeries(accountDowntime(outage, "Acme", now), [
      { year: 2026, month: 3 },
      { year: 2026, month: 4 },
    ]);
    expect(series.values).toEqual([1, april.availability]);
    const context = { rollingWindows: series.rollingWindows };
    const monthly = evaluateCondition(parseCondition("below 99.5%"), series.values, context);
    expect(monthly.matched).toBe(false);
    const rolling = evaluateCondition(
      parseCondition("below 99.5% over any rolling 7 days"),
      series.values,
      context,
    );
    expect(rolling.matched).toBe(true);
    expect(rolling.quantity).toBeCloseTo(1 - 180 / 10_080, 12);
    expect(rolling.window).toBe(series.months[1]?.worstWindow);
    expect(isAvailabilityWindow(rolling.window) && rolling.window.outages[0].incident.id).toBe("INC-7");
    expect(rolling.reason).toBe(
      "the lowest rolling 7 days (2026-04-07 13:00 to 2026-04-14 13:00): 98.2142857143% is below 99.5%",
    );
  });
});

describe("downtime", () => {
  const now = at("2026-06-01 00:00");

  it("counts overlapping incidents once and names both", () => {
    const incidents = [
      incident({ id: "A", started: "2026-05-10 10:00", resolved: "2026-05-10 12:00" }),
      incident({ id: "B", started: "2026-05-10 11:00", resolved: "2026-05-10 13:00" }),
      incident({ id: "C", started: "2026-05-10 11:15", resolved: "2026-05-10 11:45" }),
    ];
    const may = monthAvailability(accountDowntime(incidents, "Acme", now), { year: 2026, month: 5 });
    expect(may.downtimeMinutes).toBe(180);
    expect(may.worstWindow?.downtimeMinutes).toBe(180);
    expect(may.worstWindow?.outages.map((o) => o.incident.id)).toEqual(["A", "B", "C"]);
    expect(may.incidents.map((i) => i.id)).toEqual(["A", "B", "C"]);
  });

  it("leaves out incidents that did not affect availability and other accounts' incidents", () => {
    const incidents = [
      incident({
        id: "A",
        started: "2026-05-10 10:00",
        resolved: "2026-05-10 12:00",
        affectsAvailability: false,
      }),
      incident({ id: "B", started: "2026-05-11 10:00", resolved: "2026-05-11 12:00", account: "Globex" }),
      incident({ id: "C", started: "2026-05-12 10:00", resolved: "2026-05-12 10:30", account: " ACME" }),
    ];
    const may = monthAvailability(accountDowntime(incidents, "acme", now), { year: 2026, month: 5 });
    expect(may.downtimeMinutes).toBe(30);
    expect(may.incidents.map((i) => i.id)).toEqual(["C"]);
  });

  it("counts a minute with any downtime as down (minute resolution)", () => {
    const incidents = [
      incident({ id: "A", started: "2026-05-10 10:00:30", resolved: "2026-05-10 10:02:10" }),
    ];
    const may = monthAvailability(accountDowntime(incidents, "Acme", now), { year: 2026, month: 5 });
    expect(may.downtimeMinutes).toBe(3);
  });
});

describe("open incidents", () => {
  const incidents = [incident({ id: "OPEN", started: "2026-05-20 06:00", resolved: null })];
  const now = at("2026-05-20 08:30:45");
  const may = monthAvailability(accountDowntime(incidents, "Acme", now), { year: 2026, month: 5 });

  it("count up to the minute of now", () => {
    expect(may.downtimeMinutes).toBe(150);
    expect(may.complete).toBe(false);
    // The month so far is judged over the whole month: 150 minutes of 31 days.
    expect(may.availability).toBeCloseTo(1 - 150 / (31 * 1440), 12);
  });

  it("make the worst window the one that ends now (windows in the future are not judged)", () => {
    expect(shown(may.worstWindow!.end)).toBe("2026-05-20 08:30");
    expect(may.worstWindow!.downtimeMinutes).toBe(150);
  });

  it("are not counted before they start, and a month that has not started has no window", () => {
    const june = monthAvailability(accountDowntime(incidents, "Acme", now), { year: 2026, month: 6 });
    expect(june.downtimeMinutes).toBe(0);
    expect(june.worstWindow).toBeNull();
    const series = availabilitySeries(accountDowntime(incidents, "Acme", now), [
      { year: 2026, month: 5 },
      { year: 2026, month: 6 },
    ]);
    expect(series.values[1]).toBe("");
    expect(series.rollingWindows(1, SLA_WINDOW_MS)).toBeUndefined();
  });
});

describe("windows across a month boundary", () => {
  // An 8-hour outage across midnight of 31 March: four hours in each month.
  const incidents = [incident({ id: "X", started: "2026-03-31 20:00", resolved: "2026-04-01 04:00" })];
  const downtime = accountDowntime(incidents, "Acme", at("2026-05-01 00:00"));

  it("count only each month's part against the month", () => {
    const march = monthAvailability(downtime, { year: 2026, month: 3 });
    const april = monthAvailability(downtime, { year: 2026, month: 4 });
    expect([march.downtimeMinutes, april.downtimeMinutes]).toEqual([240, 240]);
  });

  it("give both months a worst window holding the whole outage", () => {
    for (const month of [3, 4]) {
      const result = monthAvailability(downtime, { year: 2026, month });
      expect(result.worstWindow?.downtimeMinutes).toBe(480);
      expect(result.worstWindow?.outages.map((o) => o.incident.id)).toEqual(["X"]);
    }
    // April's earliest such window starts in March: a window only has to touch the month.
    const april = monthAvailability(downtime, { year: 2026, month: 4 });
    expect([shown(april.worstWindow!.start), shown(april.worstWindow!.end)]).toEqual([
      "2026-03-25 04:00",
      "2026-04-01 04:00",
    ]);
  });

  it("do not reach a month they do not touch", () => {
    const may = monthAvailability(downtime, { year: 2026, month: 5 }, {});
    expect(may.worstWindow).toBeNull();
    const mayLater = monthAvailability(accountDowntime(incidents, "Acme", at("2026-06-01 00:00")), {
      year: 2026,
      month: 5,
    });
    expect(mayLater.worstWindow?.downtimeMinutes).toBe(0);
  });
});

describe("daylight-saving changes (America/New_York)", () => {
  it("make March an hour short and November an hour long", () => {
    const now = at("2027-01-01 00:00", NEW_YORK);
    const downtime = accountDowntime([], "Acme", now);
    expect(monthAvailability(downtime, { year: 2026, month: 3 }, { readWallClock: NEW_YORK }).minutes).toBe(
      31 * 1440 - 60,
    );
    expect(monthAvailability(downtime, { year: 2026, month: 11 }, { readWallClock: NEW_YORK }).minutes).toBe(
      30 * 1440 + 60,
    );
    const march = monthSpan({ year: 2026, month: 3 }, NEW_YORK);
    expect([shown(march.start, NEW_YORK), shown(march.end, NEW_YORK)]).toEqual([
      "2026-03-01 00:00",
      "2026-04-01 00:00",
    ]);
  });

  it("count a window as 7 × 24 hours of real time, not seven wall-clock days", () => {
    // One hour down before the clocks go forward on 8 March, one hour down a week later by the wall clock.
    // 7 × 24 h from the first outage's start ends at 00:00 on the 15th (daylight time), half-way into the
    // second outage: the worst window holds 90 minutes. Seven wall-clock days (167 h) would hold only 60.
    const incidents = [
      incident({ id: "A", started: "2026-03-07 23:00", resolved: "2026-03-08 00:00" }, NEW_YORK),
      incident({ id: "B", started: "2026-03-14 23:30", resolved: "2026-03-15 00:30" }, NEW_YORK),
    ];
    const downtime = accountDowntime(incidents, "Acme", at("2026-04-02 09:00", NEW_YORK));
    const march = monthAvailability(downtime, { year: 2026, month: 3 }, { readWallClock: NEW_YORK });
    const worst = march.worstWindow!;
    expect(worst.end - worst.start).toBe(7 * 24 * 60 * MINUTE_MS);
    expect(worst.downtimeMinutes).toBe(90);
    expect([shown(worst.start, NEW_YORK), shown(worst.end, NEW_YORK)]).toEqual([
      "2026-03-07 23:00",
      "2026-03-15 00:00",
    ]);
    expect(worst.outages.map((o) => o.incident.id)).toEqual(["A", "B"]);
    expect(march.downtimeMinutes).toBe(120);
  });

  it("put an outage that straddles the fall-back hour at its real length", () => {
    // 00:30 EDT to 01:30 EST on 1 November is two real hours.
    const incidents = [
      incident({ id: "F", started: "2026-11-01 00:30", resolved: "2026-11-01 06:30" }, NEW_YORK),
    ];
    incidents[0].resolved = new Date(incidents[0].started.getTime() + 2 * 3_600_000);
    expect(shown(incidents[0].resolved.getTime(), NEW_YORK)).toBe("2026-11-01 01:30");
    const november = monthAvailability(
      accountDowntime(incidents, "Acme", at("2026-12-01 00:00", NEW_YORK)),
      { year: 2026, month: 11 },
      { readWallClock: NEW_YORK },
    );
    expect(november.downtimeMinutes).toBe(120);
  });
});

describe("the worst window, computed from incident edges", () => {
  /** Every window start on the minute grid, each measured by counting down minutes: the slow, obvious way. */
  function bruteForce(
    incidents: Incident[],
    month: { year: number; month: number },
    now: number,
    clock: ReadWallClock,
  ) {
    const span = monthSpan(month, clock);
    const origin = span.start - SLA_WINDOW_MS - 10 * 1440 * MINUTE_MS;
    const minutes = (span.end + SLA_WINDOW_MS + 10 * 1440 * MINUTE_MS - origin) / MINUTE_MS;
    const down = new Uint8Array(minutes);
    const nowMinute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    for (const i of incidents) {
      if (!i.affectsAvailability) continue;
      const start = Math.floor(i.started.getTime() / MINUTE_MS) * MINUTE_MS;
      const end = Math.min(
        i.resolved ? Math.ceil(i.resolved.getTime() / MINUTE_MS) * MINUTE_MS : nowMinute,
        nowMinute,
      );
      for (let t = start; t < end; t += MINUTE_MS) down[(t - origin) / MINUTE_MS] = 1;
    }
    const prefix = new Int32Array(minutes + 1);
    for (let k = 0; k < minutes; k++) prefix[k + 1] = prefix[k] + down[k];
    const width = SLA_WINDOW_MS / MINUTE_MS;
    let best = { start: Number.NaN, down: -1 };
    let least = { start: Number.NaN, down: Number.POSITIVE_INFINITY };
    for (
      let s = span.start - SLA_WINDOW_MS + MINUTE_MS;
      s < span.end && s + SLA_WINDOW_MS <= nowMinute;
      s += MINUTE_MS
    ) {
      const k = (s - origin) / MINUTE_MS;
      const d = prefix[k + width] - prefix[k];
      if (d > best.down) best = { start: s, down: d };
      if (d < least.down) least = { start: s, down: d };
    }
    return { ...best, least };
  }

  const two = (n: number) => String(n).padStart(2, "0");
  const minute = (month: number, day: number, m: number) =>
    `2026-${two(month)}-${two(day)} ${two(Math.floor(m / 60))}:${two(m % 60)}`;
  const anIncident = fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    startMinute: fc.integer({ min: 0, max: 1439 }),
    lengthMinutes: fc.integer({ min: 1, max: 5000 }),
    open: fc.boolean(),
    affects: fc.boolean(),
  });

  // February has no clock change; March (spring forward on the 8th) and November (fall back on the
  // 1st) in New York put a clock change inside the month and inside windows that touch it.
  for (const [zone, clock, month] of [
    ["UTC", UTC, 2],
    ["America/New_York", NEW_YORK, 2],
    ["America/New_York", NEW_YORK, 3],
    ["America/New_York", NEW_YORK, 11],
  ] as const) {
    it(`finds the same worst and best windows as measuring every minute (${zone}, 2026-${two(month)})`, () => {
      fc.assert(
        fc.property(
          fc.array(anIncident, { maxLength: 6 }),
          fc.integer({ min: 0, max: 40 }),
          (drawn, nowDays) => {
            const now = at(minute(month, 5, 720), clock).getTime() + nowDays * 1440 * MINUTE_MS;
            const incidents = drawn.map((d, k) => {
              const made = incident(
                { id: `I${k}`, started: minute(month, d.day, d.startMinute), affectsAvailability: d.affects },
                clock,
              );
              made.resolved = d.open ? null : new Date(made.started.getTime() + d.lengthMinutes * MINUTE_MS);
              return made;
            });
            const result = monthAvailability(
              accountDowntime(incidents, "Acme", new Date(now)),
              { year: 2026, month },
              { readWallClock: clock },
            );
            const expected = bruteForce(incidents, { year: 2026, month }, now, clock);
            if (expected.down < 0) expect(result.worstWindow).toBeNull();
            else {
              expect(result.worstWindow?.downtimeMinutes).toBe(expected.down);
              expect(result.worstWindow?.start).toBe(expected.start);
              expect(result.bestWindow?.downtimeMinutes).toBe(expected.least.down);
              expect(result.bestWindow?.start).toBe(expected.least.start);
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});
