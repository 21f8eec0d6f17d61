// Availability from incidents: a month's uptime, and its rolling windows (7 × 24 h of real time) at minute resolution.
import type { ReadWallClock } from "../civil-date";
import { readWallClockUtc } from "../civil-date";
import type { RollingWindow, RollingWindowExtremes } from "../condition/rolling-window";
import type { Incident } from "../workbook/parse-incidents";
import { type Downtime, MINUTE_MS, type Outage } from "./downtime";
import { type MonthSpan, monthSpan, type ReportingMonth } from "./month-span";

/** The rolling window of the SLA in seed 000: any 7-day period. */
export const SLA_WINDOW_MS = 7 * 24 * 60 * MINUTE_MS;

/** A window of time with its availability (`value`, a fraction: 0.982 for 98.2%). */
export interface AvailabilityWindow extends RollingWindow {
  /** Minutes in the window. */
  minutes: number;
  /** Minutes of downtime in the window (overlapping incidents counted once). */
  downtimeMinutes: number;
  /** The outages in the window, by start: each with its incident and the span counted. */
  outages: Outage[];
}

/** A month's availability from the incidents of one account. */
export interface MonthAvailability extends MonthSpan {
  account: string;
  /** Minutes in the month (real time: a daylight-saving month has an hour less or more). */
  minutes: number;
  /** Minutes of downtime in the month so far. */
  downtimeMinutes: number;
  /** 1 − downtime / minutes of the month, a fraction; for the current month, the downtime so far over the whole month. */
  availability: number;
  /** True once the month has ended (`now` is at or after its end). */
  complete: boolean;
  /** The incidents that counted against the month, by start. */
  incidents: Incident[];
  /** Length of the rolling windows, in ms. */
  windowMs: number;
  /**
   * The rolling window with the lowest availability among every window that touches the month and has
   * ended by now (the earliest when several tie); `null` before any has ended. A window may start in
   * the month before or end in the month after.
   */
  worstWindow: AvailabilityWindow | null;
  /** The window with the highest availability, chosen the same way (for `above …` rolling rules). */
  bestWindow: AvailabilityWindow | null;
}

/** Options of {@link monthAvailability}. */
export interface AvailabilityOptions {
  /** Reads instants on the spreadsheet's wall clock (month boundaries are its midnights); UTC when absent. */
  readWallClock?: ReadWallClock;
  /** Length of the rolling windows in ms; default {@link SLA_WINDOW_MS} (7 days). */
  windowMs?: number;
}

/** The availability of `[start, start + lengthMs)`. */
export function windowAvailability(downtime: Downtime, start: number, lengthMs: number): AvailabilityWindow {
  const end = start + lengthMs;
  const down = downtime.between(start, end);
  return {
    start,
    end,
    value: 1 - down / lengthMs,
    minutes: lengthMs / MINUTE_MS,
    downtimeMinutes: down / MINUTE_MS,
    outages: downtime.outagesBetween(start, end),
  };
}

/**
 * The windows of `lengthMs` with the most and the least downtime among every window on the minute grid
 * that overlaps `[span.start, span.end)` and ends by `downtime.now`; `null` when there is none. The
 * downtime in a sliding window changes linearly between the moments where one of its edges meets an
 * outage's edge (it is greatest with the window starting at an outage's start or ending at an
 * outage's end, least the other way round), so only those starts and the first and last start
 * allowed are measured: four per outage, not one per minute. Ties go to the earliest window, so the
 * answer stays put while later scans add windows after it.
 */
export function extremeWindows(
  downtime: Downtime,
  span: { start: number; end: number },
  lengthMs: number,
): { worst: AvailabilityWindow; best: AvailabilityWindow } | null {
  if (!(lengthMs >= MINUTE_MS) || lengthMs % MINUTE_MS !== 0)
    throw new Error(`Rolling windows: the length must be a whole number of minutes, got ${lengthMs} ms`);
  const first = Math.floor((span.start - lengthMs) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const lastTouching = Math.floor((span.end - 1) / MINUTE_MS) * MINUTE_MS;
  const last = Math.min(lastTouching, downtime.now - lengthMs);
  if (last < first) return null;
  const starts = new Set<number>([first, last]);
  const consider = (edge: number) => {
    for (const start of [Math.floor(edge / MINUTE_MS) * MINUTE_MS, Math.ceil(edge / MINUTE_MS) * MINUTE_MS])
      if (start >= first && start <= last) starts.add(start);
  };
  for (const interval of downtime.intervals) {
    if (interval.end < first || interval.start - lengthMs > last) continue;
    consider(interval.start);
    consider(interval.end);
    consider(interval.start - lengthMs);
    consider(interval.end - lengthMs);
  }
  let worst = { start: first, down: -1 };
  let best = { start: first, down: Infinity };
  for (const start of [...starts].sort((a, b) => a - b)) {
    const down = downtime.between(start, start + lengthMs);
    if (down > worst.down) worst = { start, down };
    if (down < best.down) best = { start, down };
  }
  return {
    worst: windowAvailability(downtime, worst.start, lengthMs),
    best: windowAvailability(downtime, best.start, lengthMs),
  };
}

/**
 * A month's availability for the account of `downtime`: downtime in the month over its minutes, and
 * the worst (and best) rolling window touching it. Month boundaries are midnights on the
 * spreadsheet's calendar; windows are real time (7 × 24 h), so they are right across month ends and
 * daylight-saving changes.
 */
export function monthAvailability(
  downtime: Downtime,
  month: ReportingMonth,
  options: AvailabilityOptions = {},
): MonthAvailability {
  const span = monthSpan(month, options.readWallClock ?? readWallClockUtc);
  const windowMs = options.windowMs ?? SLA_WINDOW_MS;
  const length = span.end - span.start;
  const down = downtime.between(span.start, span.end);
  const extremes = extremeWindows(downtime, span, windowMs);
  const incidents: Incident[] = [];
  for (const outage of downtime.outagesBetween(span.start, span.end))
    if (!incidents.includes(outage.incident)) incidents.push(outage.incident);
  return {
    ...span,
    account: downtime.account,
    minutes: length / MINUTE_MS,
    downtimeMinutes: down / MINUTE_MS,
    availability: 1 - down / length,
    complete: downtime.now >= span.end,
    incidents,
    windowMs,
    worstWindow: extremes?.worst ?? null,
    bestWindow: extremes?.best ?? null,
  };
}

/** The extremes of a month's windows in the form a rolling condition reads; `undefined` when there are none. */
export function rollingExtremes(availability: MonthAvailability): RollingWindowExtremes | undefined {
  if (!availability.worstWindow || !availability.bestWindow) return undefined;
  return { lowest: availability.worstWindow, highest: availability.bestWindow };
}

/** True for a rolling window that came from incidents (a rolling result's `window` from `availabilitySeries`). */
export function isAvailabilityWindow(window: RollingWindow | undefined): window is AvailabilityWindow {
  return window !== undefined && "outages" in window && "downtimeMinutes" in window;
}
