// Reads many instants on one time zone's wall clock from a few exact readings, knowing that a date cell holds a local midnight.
import { type ReadWallClock, readWallClockUtc, type WallClock } from "./civil-date";

/**
 * A reader that can be told every instant of a call first, to read them all with few exact readings.
 * `read` gives what the exact reader gives for the same instant, but for the cases {@link zoneWallClock}
 * names.
 */
export interface PlannedWallClock {
  /** Reads one instant: from the plan when it holds the instant, else with one exact reading (memoised). */
  read: ReadWallClock;
  /** Works out the offsets of these instants with as few exact readings as it safely can. */
  plan(dates: readonly Date[]): void;
}

const MS_PER_DAY = 86_400_000;
/** Planning covers 1800–8999 (Gregorian calendar and four-digit years); other instants are read one by one. */
const PLANNED_FROM = Date.UTC(1800, 0, 1);
const PLANNED_UNTIL = Date.UTC(9000, 0, 1);
/** Besides the first and last instant, the ones nearest these many days after the first are read exactly. */
const LEARNING_STEPS_DAYS = [91, 182, 274];
/**
 * Two exact readings with one offset at most this far apart vouch for every instant between them: no
 * time zone changes its offset twice within 3 days (tzdb 1900–2100: the shortest offset lasted 7 days).
 */
const BRACKET_MS = 3 * MS_PER_DAY;
/** A run of inferred readings with one offset spanning less than this is read exactly. */
const SHORT_RUN_MS = 28 * MS_PER_DAY;
/** An inferred reading whose nearest neighbours of the same offset are further than this is read exactly. */
const ISOLATION_MS = 8 * MS_PER_DAY;
/** Rounds of checks before every remaining inferred reading is read exactly instead. */
const MAX_CHECK_ROUNDS = 16;

const floorMod = (a: number, m: number) => ((a % m) + m) % m;
const isPlannable = (instant: number) => instant >= PLANNED_FROM && instant < PLANNED_UNTIL;

/** Milliseconds since the epoch of a wall-clock reading taken as UTC (years below 100 kept as they are). */
function wallMillis(clock: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  date.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  return date.getTime();
}

/** The wall clock of `instant` at `offset` ms from UTC, truncated to the second as a formatted date is. */
function clockAt(instant: number, offset: number): WallClock {
  return readWallClockUtc(new Date(instant + offset));
}

/**
 * A {@link PlannedWallClock} over `readExactly`, which reads one instant on the zone's wall clock (in
 * Apps Script one `Utilities.formatDate` call). An instant's reading is its offset from UTC applied to
 * it, and a Sheets date cell holds local midnight, so `plan`:
 * 1. reads exactly the first and last instant and the ones about 3, 6 and 9 months after the first,
 *    which gives the zone's offsets (standard and daylight time) over the span;
 * 2. reads each other instant as the one offset, if exactly one, that puts it at midnight;
 * 3. reads exactly, by bisection, every instant that no offset or several offsets put at midnight (a
 *    date-time, or a zone whose offsets differ by whole days), learning any offset it had not seen;
 * 4. checks the inferred readings, in time order, and reads exactly any that stand out: a run of one
 *    offset shorter than 28 days, a reading with no neighbour of its offset within 8 days, two instants
 *    read as the same midnight, and, once the instants include a date-time, the first and last reading
 *    of every run and every reading beside a gap of more than 8 days (so a date-time that looks like a midnight under the other offset, e.g. 23:00 winter
 *    time in New York, is not read as the next day's date next to a clock change).
 * Between two exact readings of one offset at most 3 days apart, the offset is known without a call.
 * Every exact reading is of a distinct instant of the call, so a plan never costs more calls than there
 * are distinct instants. What it cannot tell apart without one call per instant: in a column of only
 * dates, a date-time at exactly such a look-alike hour next to a run of the other offset (within 8 days)
 * is read as that midnight; and in a zone whose clocks skip midnight (Santiago), a date cell on the day
 * they do reads 00:00 where the zone's clock says 01:00 (the date is right).
 */
export function zoneWallClock(readExactly: ReadWallClock): PlannedWallClock {
  /** Offsets read exactly (or vouched for by two exact readings), by instant. */
  const exact = new Map<number, number>();
  /** Offsets inferred from "a date cell is a local midnight", by instant. */
  const inferred = new Map<number, number>();
  /** Every offset seen so far. */
  const offsets: number[] = [];
  /** Readings handed out, by instant (a column repeats its dates); a new plan starts afresh. */
  const readings = new Map<number, WallClock>();

  const probe = (instant: number): number => {
    const known = exact.get(instant);
    if (known !== undefined) return known;
    const offset = wallMillis(readExactly(new Date(instant))) - (instant - floorMod(instant, 1000));
    exact.set(instant, offset);
    inferred.delete(instant);
    if (isPlannable(instant) && !offsets.includes(offset)) offsets.push(offset);
    return offset;
  };

  /** Bisection over sorted instants: exact readings at the ends, and in between unless they vouch for it. */
  const readAllExactly = (instants: readonly number[]): void => {
    if (instants.length === 0) return;
    const vouch = (from: number, to: number, offset: number) => {
      for (let i = from + 1; i < to; i++) {
        if (exact.has(instants[i])) continue;
        exact.set(instants[i], offset);
        inferred.delete(instants[i]);
      }
    };
    const spans: [number, number][] = [[0, instants.length - 1]];
    while (spans.length > 0) {
      const [low, high] = spans.pop() as [number, number];
      const first = probe(instants[low]);
      const last = probe(instants[high]);
      if (high - low <= 1) continue;
      if (first === last && instants[high] - instants[low] <= BRACKET_MS) {
        vouch(low, high, first);
        continue;
      }
      const middle = (low + high) >> 1;
      spans.push([low, middle], [middle, high]);
    }
  };

  /** Infers each instant's offset from midnight; returns the instants none or several offsets explain. */
  const infer = (instants: readonly number[]): number[] => {
    const unexplained: number[] = [];
    for (const instant of instants) {
      if (exact.has(instant)) continue;
      let found: number | undefined;
      let count = 0;
      for (const offset of offsets) {
        if (floorMod(instant + offset, MS_PER_DAY) === 0) {
          found = offset;
          count += 1;
        }
      }
      if (count === 1 && found !== undefined) inferred.set(instant, found);
      else {
        inferred.delete(instant);
        unexplained.push(instant);
      }
    }
    return unexplained;
  };

  /** Inferred instants that stand out in time order (see the rules above). */
  const standingOut = (instants: readonly number[]): number[] => {
    const offsetOf = (instant: number) => exact.get(instant) ?? (inferred.get(instant) as number);
    const hasDateTime = instants.some((instant) => {
      const offset = exact.get(instant);
      return offset !== undefined && floorMod(instant + offset, MS_PER_DAY) !== 0;
    });
    const flagged = new Set<number>();
    const flag = (instant: number) => {
      if (inferred.has(instant)) flagged.add(instant);
    };
    let runStart = 0;
    for (let i = 1; i <= instants.length; i++) {
      if (i < instants.length && offsetOf(instants[i]) === offsetOf(instants[runStart])) continue;
      const run = instants.slice(runStart, i);
      if (run[run.length - 1] - run[0] < SHORT_RUN_MS) run.forEach(flag);
      else {
        if (hasDateTime) {
          flag(run[0]);
          flag(run[run.length - 1]);
        }
        run.forEach((instant, k) => {
          const before = k > 0 ? instant - run[k - 1] : Infinity;
          const after = k < run.length - 1 ? run[k + 1] - instant : Infinity;
          if (Math.min(before, after) > ISOLATION_MS) flag(instant);
          // With date-times about, a gap hides any clock change in it: a look-alike hour beside one is read.
          else if (hasDateTime && Math.max(before, after) > ISOLATION_MS) flag(instant);
        });
      }
      runStart = i;
    }
    const byWall = new Map<number, number>();
    for (const instant of instants) {
      const wall = instant + offsetOf(instant);
      const other = byWall.get(wall);
      if (other === undefined) byWall.set(wall, instant);
      else {
        flag(other);
        flag(instant);
      }
    }
    return [...flagged].sort((a, b) => a - b);
  };

  const plan = (dates: readonly Date[]): void => {
    readings.clear();
    const instants = [...new Set(dates.map((date) => date.getTime()).filter(isPlannable))].sort(
      (a, b) => a - b,
    );
    if (instants.length === 0) return;
    const first = instants[0];
    const learning = new Set([0, instants.length - 1]);
    for (const days of LEARNING_STEPS_DAYS) {
      const wanted = first + days * MS_PER_DAY;
      if (wanted > instants[instants.length - 1]) break;
      learning.add(nearestIndex(instants, wanted));
    }
    for (const index of learning) probe(instants[index]);
    for (let round = 0; ; round++) {
      for (;;) {
        const known = offsets.length;
        readAllExactly(infer(instants));
        if (offsets.length === known) break;
      }
      if (round === MAX_CHECK_ROUNDS) {
        readAllExactly(instants.filter((instant) => inferred.has(instant)));
        return;
      }
      const suspects = standingOut(instants);
      if (suspects.length === 0) return;
      readAllExactly(suspects);
    }
  };

  const read = (date: Date): WallClock => {
    const instant = date.getTime();
    if (!Number.isFinite(instant)) return readExactly(date);
    let reading = readings.get(instant);
    if (reading === undefined) {
      reading = clockAt(instant, exact.get(instant) ?? inferred.get(instant) ?? probe(instant));
      readings.set(instant, reading);
    }
    return reading;
  };

  return { read, plan };
}

/** Index of the sorted `values` entry nearest to `wanted`. */
function nearestIndex(values: readonly number[], wanted: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < wanted) low = middle + 1;
    else high = middle;
  }
  return low > 0 && wanted - values[low - 1] < values[low] - wanted ? low - 1 : low;
}
