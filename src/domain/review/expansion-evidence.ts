// Seed 004's expansion-readiness checklist for a quarter, with the evidence for each trigger taken from the account tab.
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { compareCivil, toDayNumber } from "../civil-date";
import { readYesNo } from "../condition";
import type { ExpansionSignals, TriggerCheck } from "../metrics/expansion-readiness";
import { checkExpansionTriggers } from "../metrics/expansion-readiness";
import type { AccountMetricRow, AccountPeriod } from "../workbook/parse-account-tab";
import { normalizeHeader, WELL_KNOWN_METRICS } from "../workbook-schema";
import { numericValue } from "./metric-values";
import { formatDay, formatMonthList } from "./review-quarter";

/** Metric rows that feed the triggers (names as in the federal template's catalog). */
export const EXPANSION_METRICS = {
  adoption: [WELL_KNOWN_METRICS.mau, "MAU", "User adoption"],
  openP1P2: ["Open P1/P2 tickets", "Open P1 or P2 tickets"],
  pastDuePoam: ["Past-due POA&M items", "Past due POA&M items"],
  issoConfirmed: ["ISSO written confirmation"],
  interestSignal: ["Agency interest signal"],
} as const;

/** The checklist: each trigger with whether it is met and the evidence, plus the verdict. */
export interface ExpansionChecklist {
  checks: TriggerCheck[];
  metCount: number;
  ready: boolean;
  /** The day the checklist is judged on: the quarter's end, or today while the quarter runs. */
  asOf: CivilDate;
}

/** What {@link expansionChecklist} needs. */
export interface ExpansionInput {
  metrics: readonly AccountMetricRow[];
  periods: readonly AccountPeriod[];
  goLive: CivilDate | null;
  provisionedUsers: number | null;
  /** Last day considered (the quarter's end, or today if earlier). */
  asOf: CivilDate;
  readWallClock: ReadWallClock;
}

function findRow(
  metrics: readonly AccountMetricRow[],
  names: readonly string[],
): AccountMetricRow | undefined {
  const keys = names.map(normalizeHeader);
  return metrics.find((row) => keys.includes(normalizeHeader(row.name)));
}

/** Non-blank values of a row in periods up to `asOf`, newest last. */
function valuesUpTo(
  row: AccountMetricRow,
  periods: readonly AccountPeriod[],
  asOf: CivilDate,
): { month: CivilDate; value: CellValue }[] {
  const found: { month: CivilDate; value: CellValue }[] = [];
  periods.forEach((period, index) => {
    const value = row.values[index];
    if (compareCivil(period.month, asOf) <= 0 && !isBlank(value)) found.push({ month: period.month, value });
  });
  return found;
}

interface Reading<T> {
  value: T | null;
  evidence: string;
}

const missing = (names: readonly string[]): Reading<never> => ({
  value: null,
  evidence: `no data: no "${names[0]}" row on the account tab`,
});

function latestNumber(input: ExpansionInput, names: readonly string[], unitWord: string): Reading<number> {
  const row = findRow(input.metrics, names);
  if (!row) return missing(names);
  const found = valuesUpTo(row, input.periods, input.asOf);
  const latest = found[found.length - 1];
  if (!latest) return { value: null, evidence: `no data: "${row.name}" has no value yet` };
  const number = numericValue(latest.value, undefined, input.readWallClock);
  if (number === null)
    return { value: null, evidence: `no data: "${row.name}" holds ${JSON.stringify(String(latest.value))}` };
  return { value: number, evidence: `${number} ${unitWord} (${formatMonthList([latest.month])})` };
}

function adoption(input: ExpansionInput): Reading<number> {
  const names = EXPANSION_METRICS.adoption;
  const row = findRow(input.metrics, names);
  if (!row) return missing(names);
  const found = valuesUpTo(row, input.periods, input.asOf);
  const latest = found[found.length - 1];
  if (!latest) return { value: null, evidence: `no data: "${row.name}" has no value yet` };
  const number = numericValue(latest.value, "percent", input.readWallClock);
  const when = formatMonthList([latest.month]);
  if (number === null)
    return { value: null, evidence: `no data: "${row.name}" holds ${JSON.stringify(String(latest.value))}` };
  if (number <= 1)
    return {
      value: number,
      evidence: `${Math.round(number * 1000) / 10}% of provisioned users active (${when})`,
    };
  if (input.provisionedUsers && input.provisionedUsers > 0) {
    const share = number / input.provisionedUsers;
    return {
      value: share,
      evidence: `${number} of ${input.provisionedUsers} provisioned users active = ${Math.round(share * 1000) / 10}% (${when})`,
    };
  }
  return {
    value: null,
    evidence: `no data: "${row.name}" is a count (${number}) and Provisioned users is blank`,
  };
}

/** Yes once any month up to `asOf` says Yes ("at least once since go-live", seed 004). */
function everYes(input: ExpansionInput, names: readonly string[]): Reading<boolean> {
  const row = findRow(input.metrics, names);
  if (!row) return missing(names);
  const found = valuesUpTo(row, input.periods, input.asOf)
    .map((entry) => ({ ...entry, yes: readYesNo(entry.value) }))
    .filter((entry) => entry.yes !== undefined);
  if (found.length === 0) return { value: null, evidence: `no data: "${row.name}" has no Yes/No value yet` };
  const firstYes = found.find((entry) => entry.yes === true);
  if (firstYes) return { value: true, evidence: `Yes since ${formatMonthList([firstYes.month])}` };
  return { value: false, evidence: `No through ${formatMonthList([found[found.length - 1].month])}` };
}

/**
 * Checks seed 004's triggers on the account as of `asOf`: days since go-live, the latest MAU share
 * (a count is divided by Provisioned users), the latest open P1/P2 and past-due POA&M counts, and
 * whether the ISSO confirmation and the interest signal have ever been Yes. A missing row or value
 * fails its trigger with a `no data` evidence naming the row.
 */
export function expansionChecklist(input: ExpansionInput): ExpansionChecklist {
  const days =
    input.goLive === null ? null : Math.max(0, toDayNumber(input.asOf) - toDayNumber(input.goLive));
  const readings = {
    adoption: adoption(input),
    openP1P2: latestNumber(input, EXPANSION_METRICS.openP1P2, "open P1/P2 tickets"),
    pastDuePoam: latestNumber(input, EXPANSION_METRICS.pastDuePoam, "POA&M items past due"),
    issoConfirmed: everYes(input, EXPANSION_METRICS.issoConfirmed),
    interestSignal: everYes(input, EXPANSION_METRICS.interestSignal),
  };
  const signals: ExpansionSignals = {
    daysSinceGoLive: days,
    adoption: readings.adoption.value,
    openP1P2: readings.openP1P2.value,
    pastDuePoam: readings.pastDuePoam.value,
    issoConfirmed: readings.issoConfirmed.value,
    interestSignal: readings.interestSignal.value,
  };
  const evidence = [
    input.goLive === null
      ? "no data: the account tab has no Go-live date"
      : `${days} days since go-live (${formatDay(input.goLive)}) as of ${formatDay(input.asOf)}`,
    readings.adoption.evidence,
    readings.openP1P2.evidence,
    readings.pastDuePoam.evidence,
    readings.issoConfirmed.evidence,
    readings.interestSignal.evidence,
  ];
  const checks = checkExpansionTriggers(signals).map((check, i) => ({ ...check, evidence: evidence[i] }));
  const metCount = checks.filter((check) => check.met).length;
  return { checks, metCount, ready: metCount === checks.length, asOf: input.asOf };
}
