// The `Respond within` column: reading response windows ("24 hours", "5 business days") and computing `Due`.

import { describeValue, isBlank } from "../cell-value";
import { addDays, addMonths, type CivilDate, fromSerial, toSerial, type WallClock } from "../civil-date";
import { countOf } from "../plural";
import { addBusinessDays, nextBusinessDayOnOrAfter } from "./business-days";
import { nextQuarterStart } from "./fiscal-quarter";

/**
 * How long an owner has to respond to an escalation, counted from when it was opened.
 * - `immediately` / `same-day`: due the day it is opened;
 * - `hours`: clock hours, through nights, weekends and holidays (may be fractional, e.g. 0.5);
 * - `business-days`: weekdays that are not US federal holidays;
 * - `calendar-days`, `weeks`, `months`: calendar time; a due date on a weekend or federal holiday
 *   moves to the next business day (the FAR 33.101 convention for computing periods);
 * - `next-review`: due at the next quarterly review, taken as the first day of the next fiscal
 *   quarter (moved to a business day); `review` keeps the user's wording, e.g. `quarterly ISSO review`.
 */
export type ResponseWindow =
  | { kind: "immediately" }
  | { kind: "same-day" }
  | { kind: "hours"; hours: number }
  | { kind: "business-days"; days: number }
  | { kind: "calendar-days"; days: number }
  | { kind: "weeks"; weeks: number }
  | { kind: "months"; months: number }
  | { kind: "next-review"; review: string };

/**
 * The window used when `Respond within` is blank: 5 business days, the seed's usual window for a
 * written follow-up (root-cause report, at-risk call) — a rule without a stated deadline still gets
 * a `Due` date, so nothing sits open unseen.
 */
export const DEFAULT_RESPONSE_WINDOW: ResponseWindow = { kind: "business-days", days: 5 };

/** When a response is due: the day, and for clock-hour windows the time of day too. */
export interface DueDate {
  due: CivilDate;
  dueAt?: { date: CivilDate; hour: number; minute: number };
}

/** Options of {@link computeDue}. */
export interface DueOptions {
  /** First month (1–12) of the fiscal year, for `next-review` windows; default January. */
  fiscalYearStartMonth?: number;
}

/** When an escalation was opened: a civil date, with the wall-clock time when known. */
export type OpenedAt = CivilDate & Partial<Pick<WallClock, "hour" | "minute" | "second">>;

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

type Unit = "hours" | "minutes" | "business-days" | "calendar-days" | "weeks" | "months";

const UNITS: [RegExp, Unit][] = [
  [/^(h|hrs?|hours?)$/i, "hours"],
  [/^(mins?|minutes?)$/i, "minutes"],
  [/^((business|working|work)[ -]?days?|bd)$/i, "business-days"],
  [/^((calendar )?days?|d)$/i, "calendar-days"],
  [/^(weeks?|wks?|w)$/i, "weeks"],
  [/^(months?|mos?)$/i, "months"],
];

const IMMEDIATELY = /^(immediately|immediate|at once|asap|now)$/i;
const SAME_DAY = /^(same[ -]day|today|end of (the )?day|eod)$/i;
/** A count and a unit: `24 hours`, `48h`, `two weeks` (a number word needs a space). */
const AMOUNT = /^(?:(\d+(?:\.\d+)?) ?|([a-z]+) )([a-z][a-z -]*)$/i;
const NEXT_REVIEW = /^(?:(?:at|by|before|during) )?(?:the )?(?:next )?(.*\breview)$/i;
/** A trailing starting event: `of detection`, `of survey result`, `after trigger`. */
const STARTING_EVENT = / (?:of|from|after|upon) [a-z0-9 '-]+$/i;

function readError(source: string, value: unknown): Error {
  return new Error(
    `${source}: could not read ${describeValue(value)}: expected "immediately", "24 hours", "5 business days" or "2 weeks"`,
  );
}

/**
 * Reads a `Respond within` cell. Understands `immediately`/`Immediate`, `same day`, clock hours
 * (`24 hours`, `4 hrs`, `48h`, `30 minutes`), `5 business days` (or `working days`), calendar
 * `3 days`, `2 weeks`, `1 month`, `at quarterly ISSO review`; a leading `within` and a trailing
 * `of detection` / `of survey result` / `of trigger` (the starting event — the scan counts from
 * when the escalation is opened, which is when it detects the breach) are allowed. Blank gives
 * {@link DEFAULT_RESPONSE_WINDOW}. `source` starts error messages (default `Respond within`).
 */
export function parseResponseWindow(text: unknown, source = "Respond within"): ResponseWindow {
  if (isBlank(text)) return { ...DEFAULT_RESPONSE_WINDOW };
  if (typeof text === "number")
    throw new Error(
      `${source}: ${describeValue(text)} needs a unit, e.g. "${text} hours" or "${text} business days"`,
    );
  if (typeof text !== "string") throw readError(source, text);
  const sentence = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!]+$/, "")
    .replace(/^(within|in|no later than) /i, "");
  if (IMMEDIATELY.test(sentence)) return { kind: "immediately" };
  if (SAME_DAY.test(sentence)) return { kind: "same-day" };
  const phrase = sentence.replace(STARTING_EVENT, "");
  if (IMMEDIATELY.test(phrase)) return { kind: "immediately" };
  if (SAME_DAY.test(phrase)) return { kind: "same-day" };

  const amount = AMOUNT.exec(phrase);
  const unit = amount && UNITS.find(([pattern]) => pattern.test(amount[3].trim()))?.[1];
  if (amount && unit) {
    const count = amount[1] !== undefined ? Number(amount[1]) : NUMBER_WORDS[amount[2].toLowerCase()];
    if (count === undefined) throw readError(source, text);
    if (count <= 0)
      throw new Error(
        `${source}: ${describeValue(text)} must be more than zero; write "immediately" for no delay`,
      );
    if (unit === "hours" || unit === "minutes") {
      const minutes = unit === "hours" ? count * 60 : count;
      if (!Number.isInteger(minutes))
        throw new Error(`${source}: ${describeValue(text)} must be a whole number of minutes`);
      return { kind: "hours", hours: minutes / 60 };
    }
    if (!Number.isInteger(count))
      throw new Error(
        `${source}: ${describeValue(text)} must be a whole number of ${unit.replace("-", " ")}`,
      );
    if (unit === "weeks") return { kind: "weeks", weeks: count };
    if (unit === "months") return { kind: "months", months: count };
    return { kind: unit, days: count };
  }

  const review = NEXT_REVIEW.exec(phrase);
  if (review) return { kind: "next-review", review: review[1] };
  throw readError(source, text);
}

const plural = (count: number, unit: string): string => countOf(count, unit);

/** A response window in the words `parseResponseWindow` reads back: `24 hours`, `5 business days`. */
export function formatResponseWindow(window: ResponseWindow): string {
  switch (window.kind) {
    case "immediately":
      return "immediately";
    case "same-day":
      return "same day";
    case "hours":
      return Number.isInteger(window.hours)
        ? plural(window.hours, "hour")
        : plural(Math.round(window.hours * 60), "minute");
    case "business-days":
      return plural(window.days, "business day");
    case "calendar-days":
      return plural(window.days, "day");
    case "weeks":
      return plural(window.weeks, "week");
    case "months":
      return plural(window.months, "month");
    case "next-review":
      return `at ${window.review}`;
  }
}

/**
 * When a response opened at `opened` is due under `window`. Clock-hour windows give `dueAt` (the
 * opened time plus the hours; a missing time of day counts as midnight); business days skip
 * weekends and observed federal holidays; `immediately` and `same day` are due the opened day.
 */
export function computeDue(opened: OpenedAt, window: ResponseWindow, options: DueOptions = {}): DueDate {
  const day: CivilDate = { year: opened.year, month: opened.month, day: opened.day };
  switch (window.kind) {
    case "immediately":
    case "same-day":
      return { due: day };
    case "hours": {
      const openedMinute = Math.round(toSerial(day) * 1440) + (opened.hour ?? 0) * 60 + (opened.minute ?? 0);
      const dueMinute = openedMinute + Math.round(window.hours * 60);
      const date = fromSerial(Math.floor(dueMinute / 1440));
      const minuteOfDay = dueMinute - Math.floor(dueMinute / 1440) * 1440;
      return { due: date, dueAt: { date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 } };
    }
    case "business-days":
      return { due: addBusinessDays(day, window.days) };
    case "calendar-days":
      return { due: nextBusinessDayOnOrAfter(addDays(day, window.days)) };
    case "weeks":
      return { due: nextBusinessDayOnOrAfter(addDays(day, window.weeks * 7)) };
    case "months":
      return { due: nextBusinessDayOnOrAfter(addMonths(day, window.months)) };
    case "next-review":
      return { due: nextBusinessDayOnOrAfter(nextQuarterStart(day, options.fiscalYearStartMonth ?? 1)) };
  }
}

/** A second deadline written after `;` in `Respond within`: `root cause report within 5 business days`. */
export interface FollowUp {
  /** What is due, as typed (`root cause report`); `Follow-up` when only a window was written. */
  label: string;
  window: ResponseWindow;
}

/** What a `Respond within` cell asks for: a first response and, optionally, a follow-up. */
export interface ResponsePlan {
  first: ResponseWindow;
  followUp?: FollowUp;
}

/** The label of a follow-up written without one (`immediately; 5 business days`). */
export const DEFAULT_FOLLOW_UP_LABEL = "Follow-up";

const PLAN_EXAMPLE = '"immediately; root cause report within 5 business days"';

/** `label within window`, `label: window`, `label due in window`, `label in window`, `label due window`, `label at … review`. */
const FOLLOW_UP_SHAPES: readonly RegExp[] = [
  /^(.*?)\s*(?:\bdue\s+)?\bwithin\s+(.+)$/i,
  /^(.*?)\s*:\s*(.+)$/,
  /^(.*?)\s+(?:due\s+)?in\s+(.+)$/i,
  /^(.*?)\s+due\s+(?:by\s+)?(.+)$/i,
  /^(.*?)\s+((?:at|by|before|during)\s+.*\breview)$/i,
];

function readFollowUp(text: string, source: string): FollowUp {
  const where = `${source} (follow-up after ";")`;
  for (const shape of FOLLOW_UP_SHAPES) {
    const match = shape.exec(text);
    if (!match) continue;
    const label = match[1].trim().replace(/[\s,:-]+$/, "");
    if (label === "" && shape !== FOLLOW_UP_SHAPES[0]) continue;
    return { label: label || DEFAULT_FOLLOW_UP_LABEL, window: parseResponseWindow(match[2], where) };
  }
  try {
    return { label: DEFAULT_FOLLOW_UP_LABEL, window: parseResponseWindow(text, where) };
  } catch (_error) {
    throw new Error(
      `${where}: could not read ${describeValue(text)}: expected what is due and when, e.g. ` +
        '"root cause report within 5 business days"',
    );
  }
}

/**
 * Reads a `Respond within` cell that may hold a first response and, after `;`, a follow-up:
 * `immediately; root cause report within 5 business days`. The first part is read by
 * {@link parseResponseWindow} (blank gives the default window); the follow-up is what is due (its
 * label, kept as typed) and its window, written `… within 5 business days`, `… due in 2 weeks` or
 * `…: 24 hours`. A trailing `;` with nothing after it is ignored.
 * @throws {Error} for a part that cannot be read, a follow-up without a first response, or more than one follow-up.
 */
export function parseResponsePlan(text: unknown, source = "Respond within"): ResponsePlan {
  if (typeof text !== "string" || !text.includes(";")) return { first: parseResponseWindow(text, source) };
  const [firstText, ...rest] = text.split(";");
  const followUps = rest.map((piece) => piece.trim()).filter((piece) => piece !== "");
  if (followUps.length > 1)
    throw new Error(
      `${source}: ${describeValue(text)} has ${followUps.length} follow-ups after ";": expected a first response ` +
        `and at most one follow-up, e.g. ${PLAN_EXAMPLE}`,
    );
  if (isBlank(firstText) && followUps.length > 0)
    throw new Error(
      `${source}: ${describeValue(text)} has no first response before ";": expected e.g. ${PLAN_EXAMPLE}`,
    );
  const first = parseResponseWindow(firstText, source);
  if (followUps.length === 0) return { first };
  return { first, followUp: readFollowUp(followUps[0], source) };
}

/** A response plan in the words {@link parseResponsePlan} reads back: `immediately; root cause report within 5 business days`. */
export function formatResponsePlan(plan: ResponsePlan): string {
  const first = formatResponseWindow(plan.first);
  if (!plan.followUp) return first;
  const { label, window } = plan.followUp;
  const when = formatResponseWindow(window);
  const calendar =
    window.kind !== "immediately" && window.kind !== "same-day" && window.kind !== "next-review";
  return `${first}; ${label}${calendar ? ` within ${when}` : `: ${when}`}`;
}

/** Both due times of a response plan. */
export interface ResponseDues {
  first: DueDate;
  /** The follow-up's due time, with its label; absent when the plan has no follow-up. */
  followUp?: DueDate & { label: string };
}

/**
 * When the first response and the follow-up are due, both counted from `opened` with
 * {@link computeDue} (business days skip weekends and observed federal holidays).
 */
export function computeResponseDues(
  opened: OpenedAt,
  plan: ResponsePlan,
  options: DueOptions = {},
): ResponseDues {
  const dues: ResponseDues = { first: computeDue(opened, plan.first, options) };
  if (plan.followUp)
    dues.followUp = { ...computeDue(opened, plan.followUp.window, options), label: plan.followUp.label };
  return dues;
}
