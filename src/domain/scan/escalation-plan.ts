// Plans every Escalation Log change of a run (pure): open, continue, resolve, end snoozes, record notifications.

import { dueMoment } from "../calendar/due-moment";
import { computeDue } from "../calendar/response-window";
import type { CellValue } from "../cell-value";
import { isDate } from "../cell-value";
import type { ReadWallClock } from "../civil-date";
import { toIsoDate } from "../civil-date";
import { incidentsOf } from "../incidents/downtime";
import { incidentMeasure } from "../incidents/incident-measure";
import { civilDateOf, dateOfCivil, wallClockOf } from "../workbook/date-cells";
import { formatMonth } from "../workbook/date-text";
import type { EscalationStatus } from "../workbook/escalation-status";
import type {
  EscalationLogColumn,
  EscalationLogEntry,
  ParsedEscalationLog,
} from "../workbook/parse-escalation-log";
import type { Incident } from "../workbook/parse-incidents";
import {
  accountRuleKey,
  incidentRuleKey,
  monthKey,
  nameKey,
  ruleFamilyKey,
  ruleKey,
  ruleOfKey,
} from "./breach-key";
import type { CompiledRule } from "./compile-rules";
import type { AccountEvaluation, Breach } from "./evaluate-account";
import { followUpCellText, followUpNotNeededText, readFollowUpCell } from "./follow-up-cell";

/**
 * One row of the Escalation Log after the run's changes: what the writer writes and the digests read.
 * Its fields are the log entry's (`row` is where a new row will be appended, `cells` the whole row
 * after the changes, `note` with what this run appends), without `lastSeen`.
 */
export interface EscalationRecord extends Omit<EscalationLogEntry, "lastSeen"> {
  /** True for a row this run opens. */
  isNew: boolean;
  /** 1-based columns this run changes (every column for a new row). */
  changed: Set<number>;
  /** The breach this run saw for the row, if any. */
  breach?: Breach;
  /** The rule of the row, when it is among the rules that ran. */
  rule?: CompiledRule;
}

/** What {@link planEscalationLog} needs. */
export interface EscalationPlanInput {
  log: ParsedEscalationLog;
  /** Evaluations of the account tabs scanned in this run (only their rows are resolved or updated). */
  evaluations: readonly AccountEvaluation[];
  rules: readonly CompiledRule[];
  /** Keys of rules whose Condition did not parse: their rows are left alone. */
  brokenKeys: ReadonlySet<string>;
  /**
   * Metric/severity families ({@link ruleFamilyKey}) of rules that could not be read: a row whose
   * rule is not among `rules` but may be one of them is left alone, not resolved as removed.
   */
  brokenFamilies?: ReadonlySet<string>;
  /** False when the Escalation Rules tab could not be read: no row is resolved for a missing rule. */
  rulesReadable: boolean;
  /** When the scan runs. */
  now: Date;
  readWallClock?: ReadWallClock;
  /** First month of the fiscal year, for `at next review` windows. */
  fiscalYearStartMonth?: number;
  /** Escalation IDs a digest covered in an earlier run that crashed before recording it (from the mail journal). */
  notified?: ReadonlyMap<string, Date>;
  /** 1-based sheet row where new rows start (the row after the log's last row). */
  firstNewRow: number;
  /**
   * The incidents behind an escalation this run saw no breach for (its account and period), so its
   * `Follow-up due` still turns Met when their root-cause report is filled in; `null` when it did not
   * come from incidents. Absent: such rows' follow-ups are left as they are.
   */
  incidentsBehind?: (account: string, period: Date) => readonly Incident[] | null;
  /**
   * Every incident of the Incidents tab, for rows whose `Incident` cell names theirs (their follow-up
   * is judged on those). Absent or `null`: only this run's breaches and `incidentsBehind` say.
   */
  incidents?: readonly Incident[] | null;
}

/** The planned changes and what they amount to. */
export interface EscalationPlan {
  /** Every log row after the changes (existing rows first, in sheet order, then new rows). */
  records: EscalationRecord[];
  newEscalations: number;
  /** Open rows of a continuing breach (Value and Last seen updated). */
  continuing: number;
  resolved: number;
  /** Snoozes whose date has come: back to Open. */
  snoozesEnded: number;
  /** Breaches of an episode that the user already resolved: left resolved, not reopened. */
  alreadyResolved: number;
  /**
   * Rows the scan itself resolved whose same episode breaches again (its data had gone or could
   * not be read for a while): back to Open, also counted in `continuing`.
   */
  reopened: number;
}

const ESCALATION_ID = /^ESC-(\d+)$/i;

/** The next `ESC-0001`-style ID after the largest in the log. */
export function nextEscalationNumber(entries: readonly EscalationLogEntry[]): number {
  let max = 0;
  for (const entry of entries) {
    const match = ESCALATION_ID.exec(entry.id.trim());
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max + 1;
}

/** `ESC-0007`. */
export function formatEscalationId(number: number): string {
  return `ESC-${String(number).padStart(4, "0")}`;
}

/** True for Open, Acknowledged and Snoozed rows. */
export function isUnresolved(status: EscalationStatus): boolean {
  return status.kind !== "Resolved";
}

/** A row the scan resolved (its note still ends with the scan's `cleared by scan …`), not the user. */
function resolvedByScan(record: EscalationRecord): boolean {
  return (
    record.status.kind === "Resolved" &&
    /(^|; )cleared by scan \d{4}-\d{2}-\d{2}[^;]*$/.test(record.note.trim())
  );
}

/** Appends a line to a user's note, keeping what they wrote. */
export function appendNote(note: string, addition: string): string {
  const trimmed = note.trim();
  return trimmed === "" ? addition : `${trimmed}; ${addition}`;
}

type Column = EscalationLogColumn;

/**
 * Plans the log changes of one run. Each breach (key: account + metric + rule + the period its
 * episode started) updates the account's unresolved row for that rule (Value, Last seen) or, when
 * there is none and no row already records that episode, opens a new row (`Open`, Due from Respond
 * within). A row the scan resolved whose same episode breaches again is reopened (a row the user
 * resolved keeps its episode quiet). Unresolved rows of the scanned accounts whose rule is now
 * clear, or whose rule was removed from Escalation Rules, are resolved with a note; rows whose rule
 * cannot be decided (data missing or unreadable, rule unreadable or mistyped) are left alone. A
 * snooze whose date has come turns back to Open. Rows are never deleted, and rows of accounts not
 * scanned are not touched.
 */
export function planEscalationLog(input: EscalationPlanInput): EscalationPlan {
  const { log, now } = input;
  const readWallClock = wallClockOf({ readWallClock: input.readWallClock });
  const today = civilDateOf(now, readWallClock);
  const stamp = toIsoDate(today);
  const rulesByKey = new Map(input.rules.map((rule) => [rule.key, rule]));
  const plan: EscalationPlan = {
    records: log.entries.map((entry) => recordOf(entry, log.width)),
    newEscalations: 0,
    continuing: 0,
    resolved: 0,
    snoozesEnded: 0,
    alreadyResolved: 0,
    reopened: 0,
  };
  const set = (record: EscalationRecord, column: Column, value: CellValue) => {
    const index = log.columns[column];
    record.cells[index - 1] = value;
    record.changed.add(index);
    applyField(record, column, value);
  };

  /** Value and Latest period together: the breach's latest value and the month it is of. */
  const setLatest = (record: EscalationRecord, breach: Breach) => {
    if (!sameValue(record.value, breach.value)) set(record, "Value", breach.value);
    const latest = dateOfCivil(breach.period, readWallClock);
    if (!sameValue(record.latestPeriod, latest)) set(record, "Latest period", latest);
  };

  /** The `Incident` cell of a row with this run's breach: the incidents behind it (a window may gain an outage). */
  const setIncidents = (record: EscalationRecord, breach: Breach) => {
    const column = log.incidentColumn;
    const text = incidentIds(breach);
    if (column === undefined || text === "" || text === (record.incident ?? "")) return;
    record.cells[column - 1] = text;
    record.changed.add(column);
    record.incident = text;
  };

  if (input.notified)
    for (const record of plan.records) {
      const at = input.notified.get(record.id);
      if (at && (!record.lastNotified || record.lastNotified.getTime() < at.getTime()))
        set(record, "Last notified", at);
    }

  const scanned = new Map(input.evaluations.map((evaluation) => [nameKey(evaluation.account), evaluation]));
  const unresolvedByRule = new Map<string, EscalationRecord[]>();
  const episodes = new Set<string>();
  const scanResolved = new Map<string, EscalationRecord>();
  for (const record of plan.records) {
    const key = recordKey(record);
    if (record.period) {
      const episode = `${key}@${monthKey(civilDateOf(record.period, readWallClock))}`;
      if (resolvedByScan(record)) scanResolved.set(episode, record);
      else episodes.add(episode);
    }
    if (!isUnresolved(record.status) || !scanned.has(nameKey(record.account))) continue;
    const list = unresolvedByRule.get(key) ?? [];
    list.push(record);
    unresolvedByRule.set(key, list);
  }

  const touched = new Set<EscalationRecord>();
  let nextNumber = nextEscalationNumber(log.entries);
  for (const evaluation of input.evaluations) {
    for (const breach of evaluation.breaches) {
      const key = breachKey(breach);
      const open = unresolvedByRule.get(key);
      if (open && open.length > 0) {
        const record = latestOf(open, readWallClock);
        touched.add(record);
        record.breach = breach;
        record.rule = breach.rule;
        setLatest(record, breach);
        setIncidents(record, breach);
        // An incident that was open when its row opened: the Note gains how long it took in the end.
        if (breach.incident && !breach.incident.open && breach.detail && !record.note.includes(breach.detail))
          set(record, "Note", appendNote(record.note, breach.detail));
        set(record, "Last seen", now);
        if (record.owner !== breach.ownerEmail && breach.ownerEmail !== "")
          set(record, "Owner", breach.ownerEmail);
        plan.continuing += 1;
        continue;
      }
      const episode = `${key}@${monthKey(breach.episodeStart)}`;
      const reopen = episodes.has(episode) ? undefined : scanResolved.get(episode);
      if (reopen) {
        touched.add(reopen);
        reopen.breach = breach;
        reopen.rule = breach.rule;
        set(reopen, "Status", "Open");
        set(reopen, "Note", appendNote(reopen.note, `reopened by scan ${stamp}: the breach is back`));
        setLatest(reopen, breach);
        setIncidents(reopen, breach);
        set(reopen, "Last seen", now);
        if (reopen.owner !== breach.ownerEmail && breach.ownerEmail !== "")
          set(reopen, "Owner", breach.ownerEmail);
        episodes.add(episode);
        plan.continuing += 1;
        plan.reopened += 1;
        continue;
      }
      if (episodes.has(episode)) {
        plan.alreadyResolved += 1;
        continue;
      }
      const record = newRecord(breach, formatEscalationId(nextNumber), input, readWallClock);
      nextNumber += 1;
      record.row = input.firstNewRow + plan.newEscalations;
      plan.records.push(record);
      plan.newEscalations += 1;
      episodes.add(`${key}@${monthKey(breach.episodeStart)}`);
    }
  }

  updateFollowUps(plan.records, input, rulesByKey, readWallClock);

  for (const [key, records] of unresolvedByRule) {
    for (const record of records) {
      const evaluation = scanned.get(nameKey(record.account));
      if (!evaluation) continue;
      const ruleOfRow = key.slice(key.indexOf("#") + 1);
      record.rule = record.rule ?? rulesByKey.get(ruleOfKey(ruleOfRow));
      if (!touched.has(record)) {
        const reason = resolution(ruleOfRow, evaluation, input, rulesByKey, record, readWallClock);
        if (reason !== null) {
          set(record, "Status", "Resolved");
          set(record, "Note", appendNote(record.note, `cleared by scan ${stamp}${reason.note}`));
          if (reason.corrected) followUpNotNeeded(record, input.log.followUpColumn ?? null);
          plan.resolved += 1;
          continue;
        }
      }
      if (record.status.kind === "Snoozed" && record.status.until.getTime() <= now.getTime()) {
        set(record, "Status", "Open");
        set(record, "Note", appendNote(record.note, `snooze ended ${stamp}`));
        plan.snoozesEnded += 1;
      }
    }
  }
  return plan;
}

/** The incidents behind a breach (the breached window's, or the incident judged), by start; `null` when it did not come from incidents. */
function breachIncidents(breach: Breach | undefined): Incident[] | null {
  return breach?.incidents && breach.incidents.length > 0 ? breach.incidents : null;
}

/** The incidents a row's `Incident` cell names, found on the Incidents tab; `null` when it names none or one is gone. */
function namedIncidents(
  record: EscalationRecord,
  incidents: readonly Incident[] | null | undefined,
): Incident[] | null {
  const ids = (record.incident ?? "")
    .split(";")
    .map((id) => nameKey(id))
    .filter((id) => id !== "");
  if (!incidents || ids.length === 0) return null;
  const mine = incidentsOf(incidents, record.account);
  const found = ids.map((id) => mine.find((incident) => nameKey(incident.id) === id));
  return found.every((incident) => incident !== undefined) ? (found as Incident[]) : null;
}

/**
 * Brings `Follow-up due` up to date on rows that have one: where the incidents behind the row are
 * known (its breach this run, else `incidentsBehind`), Pending turns Overdue once due and Met once
 * their root-cause report is filled in. Rows of other rules and rows without incidents stay as written.
 */
function updateFollowUps(
  records: readonly EscalationRecord[],
  input: EscalationPlanInput,
  rulesByKey: ReadonlyMap<string, CompiledRule>,
  readWallClock: ReadWallClock,
): void {
  const column = input.log.followUpColumn ?? null;
  if (column === null) return;
  for (const record of records) {
    if (record.isNew) continue;
    const before = String(record.cells[column - 1] ?? "").trim();
    if (before === "") continue;
    const rule = record.rule ?? rulesByKey.get(ruleKey(record.metric, record.severity, record.condition));
    if (!rule?.followUp || !record.opened) continue;
    const reading = readFollowUpCell(before);
    if (!reading || reading.state === "not needed") continue;
    const incidents =
      breachIncidents(record.breach) ??
      namedIncidents(record, input.incidents) ??
      (record.period && input.incidentsBehind ? input.incidentsBehind(record.account, record.period) : null);
    // Without incidents the scan only moves its own Pending to Overdue once due; a person marks it met.
    if ((!incidents || incidents.length === 0) && reading.state === "met") continue;
    const text = followUpCellText({
      first: rule.window,
      followUp: rule.followUp,
      opened: record.opened,
      incidents: incidents && incidents.length > 0 ? incidents : null,
      now: input.now,
      readWallClock,
      fiscalYearStartMonth: input.fiscalYearStartMonth,
    });
    if (text !== before) {
      record.cells[column - 1] = text;
      record.followUp = text;
      record.changed.add(column);
    }
  }
}

/**
 * Why an untouched unresolved row is resolved now (`note`: `""` or `: …`; `corrected` when the month it
 * breached on now passes: its value was corrected, there was no breach), or null to leave it.
 */
function resolution(
  key: string,
  evaluation: AccountEvaluation,
  input: EscalationPlanInput,
  rulesByKey: ReadonlyMap<string, CompiledRule>,
  record: EscalationRecord,
  readWallClock: ReadWallClock,
): { note: string; corrected: boolean } | null {
  const rule = ruleOfKey(key);
  if (rulesByKey.has(rule)) {
    if (evaluation.outcomes.get(key) !== "clear") return null;
    const judged = evaluation.judgedMonths?.get(key);
    const latest = record.latestPeriod ?? record.period;
    if (judged && latest && monthKey(judged) === monthKey(civilDateOf(latest, readWallClock)))
      return { note: `: the ${formatMonth(judged)} value no longer breaches (corrected)`, corrected: true };
    return { note: "", corrected: false };
  }
  if (input.brokenKeys.has(rule) || !input.rulesReadable || record.severity === null) return null;
  const families = input.brokenFamilies;
  for (const metric of [record.metric, ""])
    for (const severity of [record.severity, null])
      if (families?.has(ruleFamilyKey(metric, severity))) return null;
  return { note: ": its rule is no longer in Escalation Rules", corrected: false };
}

/** The Escalation Log key of a row: its account and rule, and its incident for a rule judged per incident. */
function recordKey(
  record: Pick<EscalationRecord, "account" | "metric" | "severity" | "condition" | "incident">,
): string {
  const key = ruleKey(record.metric, record.severity, record.condition);
  const incident = (record.incident ?? "").trim();
  const perIncident =
    incident !== "" && !incident.includes(";") && incidentMeasure(record.metric)?.kind === "remediation";
  return accountRuleKey(record.account, perIncident ? incidentRuleKey(key, incident) : key);
}

/** The key of a breach, as {@link recordKey} gives for its row. */
function breachKey(breach: Breach): string {
  const key = breach.incident
    ? incidentRuleKey(breach.rule.key, breach.incident.incident.id)
    : breach.rule.key;
  return accountRuleKey(breach.account, key);
}

/** The `Incident` cell of a breach: its incidents' IDs (`INC-7; INC-9`), `""` when it did not come from incidents. */
function incidentIds(breach: Breach): string {
  return (breach.incidents ?? []).map((incident) => incident.id).join("; ");
}

/** A corrected row's follow-up the scan still tracked: nothing is owed, the breach never was. */
function followUpNotNeeded(record: EscalationRecord, column: number | null): void {
  if (column === null) return;
  const reading = readFollowUpCell(String(record.cells[column - 1] ?? ""));
  if (!reading || reading.state === "met" || reading.state === "not needed") return;
  record.cells[column - 1] = followUpNotNeededText(reading);
  record.followUp = followUpNotNeededText(reading);
  record.changed.add(column);
}

function latestOf(records: readonly EscalationRecord[], readWallClock: ReadWallClock): EscalationRecord {
  let best = records[0];
  for (const record of records.slice(1)) {
    const a = best.period ? civilDateOf(best.period, readWallClock) : null;
    const b = record.period ? civilDateOf(record.period, readWallClock) : null;
    if (b && (!a || monthKey(b) >= monthKey(a))) best = record;
  }
  return best;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return a === b;
}

function recordOf(entry: EscalationLogEntry, width: number): EscalationRecord {
  const cells = entry.cells.slice();
  while (cells.length < width) cells.push("");
  return {
    row: entry.row,
    isNew: false,
    cells,
    changed: new Set(),
    id: entry.id,
    account: entry.account,
    metric: entry.metric,
    period: entry.period,
    latestPeriod: entry.latestPeriod,
    value: entry.value,
    condition: entry.condition,
    severity: entry.severity,
    action: entry.action,
    owner: entry.owner,
    opened: entry.opened,
    due: entry.due,
    status: entry.status,
    lastNotified: entry.lastNotified,
    note: entry.note,
    incident: entry.incident ?? "",
    followUp: entry.followUp ?? "",
  };
}

function applyField(record: EscalationRecord, column: Column, value: CellValue): void {
  const target = record;
  switch (column) {
    case "Value":
      target.value = value;
      break;
    case "Latest period":
      target.latestPeriod = value as Date;
      break;
    case "Owner":
      target.owner = String(value);
      break;
    case "Status":
      target.status = { kind: value === "Resolved" ? "Resolved" : "Open" };
      break;
    case "Last notified":
      target.lastNotified = value as Date;
      break;
    case "Note":
      target.note = String(value);
      break;
    default:
      break;
  }
}

/** The Date a response is due, on the spreadsheet's wall clock. */
function dueDate(
  rule: CompiledRule,
  now: Date,
  readWallClock: ReadWallClock,
  fiscalYearStartMonth: number | undefined,
): Date {
  const opened = readWallClock(now);
  return dueMoment(computeDue(opened, rule.window, { fiscalYearStartMonth }), readWallClock);
}

function newRecord(
  breach: Breach,
  id: string,
  input: EscalationPlanInput,
  readWallClock: ReadWallClock,
): EscalationRecord {
  const { log, now } = input;
  const period = dateOfCivil(breach.episodeStart, readWallClock);
  const due = dueDate(breach.rule, now, readWallClock, input.fiscalYearStartMonth);
  const values: Record<Column, CellValue> = {
    ID: id,
    Account: breach.account,
    Metric: breach.rule.rule.metric,
    Since: period,
    "Latest period": dateOfCivil(breach.period, readWallClock),
    Value: breach.value,
    Condition: breach.rule.rule.condition,
    Severity: breach.rule.rule.severity,
    Action: breach.rule.rule.action,
    Owner: breach.ownerEmail,
    Opened: now,
    Due: due,
    Status: "Open",
    "Last notified": "",
    "Last seen": now,
    Note: breach.detail ?? "",
  };
  const incident = incidentIds(breach);
  const cells: CellValue[] = new Array(log.width).fill("");
  const changed = new Set<number>();
  for (const column of Object.keys(values) as Column[]) {
    cells[log.columns[column] - 1] = values[column];
    changed.add(log.columns[column]);
  }
  let followUp = "";
  if (breach.rule.followUp) {
    const text = followUpCellText({
      first: breach.rule.window,
      followUp: breach.rule.followUp,
      opened: now,
      incidents: breachIncidents(breach),
      now,
      readWallClock,
      fiscalYearStartMonth: input.fiscalYearStartMonth,
    });
    // A log made before the column existed gets it from Setup workbook; until then the follow-up is not written.
    const column = log.followUpColumn ?? null;
    if (column !== null) {
      cells[column - 1] = text;
      followUp = text;
    }
  }
  if (log.incidentColumn !== undefined && incident !== "") {
    cells[log.incidentColumn - 1] = incident;
    changed.add(log.incidentColumn);
  }
  return {
    row: 0,
    isNew: true,
    cells,
    changed,
    id,
    account: breach.account,
    metric: breach.rule.rule.metric,
    period,
    latestPeriod: values["Latest period"] as Date,
    value: breach.value,
    condition: breach.rule.rule.condition,
    severity: breach.rule.rule.severity,
    action: breach.rule.rule.action,
    owner: breach.ownerEmail,
    opened: now,
    due,
    status: { kind: "Open" },
    lastNotified: null,
    note: String(values.Note),
    incident,
    followUp,
    breach,
    rule: breach.rule,
  };
}
