// A response's due as one instant: a due day ends at 23:59 on the sheet's clock; the digest and overdue logic read it as a day.
import { describe, expect, it } from "vitest";
import { dueMoment, isDueDay } from "../../../src/domain/calendar/due-moment";
import { digestDue, isOverdue } from "../../../src/domain/scan/digest-plan";
import { at, NEW_YORK } from "../incidents/incident-fixtures";

describe("dueMoment", () => {
  it("a due day is due by 23:59 that day on the sheet's clock, also on the day the clocks change", () => {
    expect(dueMoment({ due: { year: 2026, month: 11, day: 23 } }, NEW_YORK).toISOString()).toBe(
      "2026-11-24T04:59:00.000Z",
    );
    // 2026-11-01: New York falls back at 2 AM; 23:59 is EST.
    expect(dueMoment({ due: { year: 2026, month: 11, day: 1 } }, NEW_YORK).toISOString()).toBe(
      "2026-11-02T04:59:00.000Z",
    );
  });

  it("a due time is kept", () => {
    const due = {
      due: { year: 2026, month: 11, day: 24 },
      dueAt: { date: { year: 2026, month: 11, day: 24 }, hour: 9, minute: 0 },
    };
    expect(dueMoment(due, NEW_YORK).toISOString()).toBe("2026-11-24T14:00:00.000Z");
  });
});

describe("a due day in the digest and the overdue check", () => {
  const due = dueMoment({ due: { year: 2026, month: 11, day: 23 } }, NEW_YORK);
  it("reads as the day, without a time", () => {
    expect(isDueDay(NEW_YORK(due))).toBe(true);
    expect(digestDue(due, { year: 2026, month: 11, day: 23 }, NEW_YORK)).toMatchObject({
      hasTime: false,
      daysFromToday: 0,
    });
  });

  it("is not overdue during its day, and is overdue the next day (as midnight dues of older logs)", () => {
    expect(isOverdue(due, at("2026-11-23 23:59", NEW_YORK), NEW_YORK)).toBe(false);
    expect(isOverdue(due, at("2026-11-24 00:01", NEW_YORK), NEW_YORK)).toBe(true);
    const legacy = at("2026-11-23 00:00", NEW_YORK);
    expect(isOverdue(legacy, at("2026-11-23 18:00", NEW_YORK), NEW_YORK)).toBe(false);
    expect(isOverdue(legacy, at("2026-11-24 08:00", NEW_YORK), NEW_YORK)).toBe(true);
  });
});
