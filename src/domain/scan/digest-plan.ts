// Decides who gets a digest this run and what is in it (pure): new, reminder and overdue escalations, missing data.

import { isDueDay } from "../calendar/due-moment";
import { formatPeopleDay } from "../calendar/people-date";
import type { CivilDate, ReadWallClock, WallClock } from "../civil-date";
import { addDays, compareCivil, toDayNumber } from "../civil-date";
import { cellAddress } from "../workbook/cell-address";
import { civilDateOf, wallClockOf } from "../workbook/date-cells";
import { formatMonth } from "../workbook/date-text";
import { dateOfWallClock } from "../workbook/date-time-cells";
import type { Severity } from "../workbook-schema";
import { normalizeHeader, ROLES_TAB, TAB } from "../workbook-schema";
import { monthKey, nameKey } from "./breach-key";
import type { EscalationRecord } from "./escalation-plan";
import { isUnresolved } from "./escalation-plan";
import { readFollowUpCell } from "./follow-up-cell";
import type { MissingData } from "./missing-data";
import { severityRank } from "./severity-colors";
import { valueAgainstRule } from "./value-against-rule";

/** An account tab whose escalations may be mailed this run. */
export interface MailableAccount {
  account: string;
  tabName: string;
  sheetId: number;
  ownerEmail: string;
}

/** One escalation line of a digest. */
export interface DigestItem {
  id: string;
  /** `new` (never mailed) or `reminder` (mailed before, interval passed). */
  kind: "new" | "reminder";
  /** Past due: its first response (`due`) or its owed follow-up. */
  overdue: boolean;
  /** The first response alone is past due (false for a resolved escalation listed for its follow-up). */
  responseOverdue: boolean;
  severity: Severity | null;
  account: string;
  tabName: string;
  sheetId: number;
  metric: string;
  /** The first month of the breach, `Apr 2026` (`""` when the log row has no Period). */
  since: string;
  /** The month whose value is shown, `May 2026` (this run's, else the log's Latest period); `""` when unknown. */
  latest: string;
  /** The value as the rule reads it, `99.1%`. */
  value: string;
  /** What judged it: `target at least 99.5%`, `threshold below 25%`, `rule: is Yes`. */
  measure: string;
  /** How far the value is from it: `0.4 points short`; `""` when no single number says it. */
  gap: string;
  /** The metric's Target beside a threshold rule: `target at least 70%`; `""` otherwise. */
  targetNote: string;
  /**
   * What else the breach says, from incidents: the breached 7-day window and its outages, or the
   * incident a time-to-remediate rule fired on (`INC-7 Database failover (P1): 9.0 h to remediate, …`);
   * for a row not judged this run, its `Incident` cell (`Incident INC-7`); `""` otherwise.
   */
  detail: string;
  condition: string;
  action: string;
  /** When a response is due on the spreadsheet's wall clock; `null` when unknown (or the escalation is resolved). */
  due: DigestDue | null;
  /**
   * The second deadline still owed (`Follow-up due`: a root-cause report), with its due day; `null`
   * when there is none, it was met, or a person wrote their own text in the cell. A resolved
   * escalation whose follow-up is owed stays in digests until it is delivered.
   */
  followUp: { label: string; overdue: boolean; due: DigestDue } | null;
  status: string;
  /** The breaching cell (`P16`) when this run read it; `null` otherwise (the link opens the tab). */
  cell: string | null;
}

/** A due moment of a digest item, on the spreadsheet's wall clock. */
export interface DigestDue {
  clock: WallClock;
  /** False for a due day (23:59, or midnight in older logs): due by the end of that day. */
  hasTime: boolean;
  /** Calendar days from the scan's day to the due day (0 today, negative when past). */
  daysFromToday: number;
  /** The scan's year, so a due date in another year shows its year. */
  thisYear: number;
}

/** One missing value of a digest. */
export interface DigestMissingItem {
  /** {@link missingDataKey}. */
  key: string;
  account: string;
  tabName: string;
  sheetId: number;
  metric: string;
  /** `Mar 2026`. */
  period: string;
  months: number;
  cell: string | null;
  /** Measured from the Incidents tab: nothing logged there by then (see {@link MissingData.fromIncidents}). */
  fromIncidents: boolean;
}

/** One owner's digest. */
export interface Digest {
  to: string;
  items: DigestItem[];
  missing: DigestMissingItem[];
}

/** An owner who gets no email, and why. */
export interface SkippedEmail {
  tab: string;
  owner: string;
  reason: string;
}

/** What {@link planDigests} needs. */
export interface DigestPlanInput {
  records: readonly EscalationRecord[];
  /** Accounts whose escalations may be mailed (scanned in this pass), by {@link nameKey} of the account. */
  accounts: ReadonlyMap<string, MailableAccount>;
  missingData: readonly MissingData[];
  /** When each missing value was last mailed, by {@link missingDataKey}. */
  missingNotified: ReadonlyMap<string, Date>;
  now: Date;
  readWallClock?: ReadWallClock;
  reminderEveryDays: number;
  /** Lower-case domains; empty means any. */
  allowedDomains: readonly string[];
  /**
   * The Roles tab: role key ({@link normalizeHeader}) → its people. `null` when the workbook has no
   * Roles tab. A rule's `Escalate to` roles are told besides the owner.
   */
  roles?: ReadonlyMap<string, { role: string; emails: readonly string[] }> | null;
}

/** The digests to send, and the owners left out. */
export interface DigestPlan {
  digests: Digest[];
  skipped: SkippedEmail[];
  /** Escalations in the digests that are past due. */
  overdue: number;
  /** Escalations in the digests mailed before (reminders). */
  reminders: number;
  /**
   * Escalate to roles nobody could be told through (unknown role, a role without an email, people
   * outside Allowed email domains), for the run summary; the owner is still told.
   */
  routingProblems: string[];
}

/** The identity of a missing value: account, metric and month. */
export function missingDataKey(item: Pick<MissingData, "account" | "metric" | "period">): string {
  return `${nameKey(item.account)}|${nameKey(item.metric)}|${monthKey(item.period)}`;
}

/** True when an address's domain is allowed: equal to a listed domain or under it (`cs.agency.gov` under `agency.gov`). */
export function emailDomainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return allowedDomains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

/**
 * True when a reminder may go out again: `reminderEveryDays` calendar days after the day it was
 * last mailed (a daily scan a few seconds earlier than last time still counts the day).
 */
export function reminderDue(
  lastNotified: Date,
  today: CivilDate,
  reminderEveryDays: number,
  readWallClock: ReadWallClock,
): boolean {
  const last = civilDateOf(lastNotified, readWallClock);
  return compareCivil(today, addDays(last, reminderEveryDays)) >= 0;
}

/** True when a due date has passed: a due day (23:59, or midnight in older logs) is overdue from the next day, a Due with a time once it is reached. */
export function isOverdue(due: Date, now: Date, readWallClock: ReadWallClock): boolean {
  const clock = readWallClock(due);
  if (isDueDay(clock)) return toDayNumber(civilDateOf(now, readWallClock)) > toDayNumber(clock);
  return now.getTime() >= due.getTime();
}

/** Sorts sooner dues first (a date-only Due at the end of its day), unknown dues last. */
function dueOrder(due: DigestDue | null): number {
  if (!due) return Number.POSITIVE_INFINITY;
  const { clock } = due;
  const minutes = due.hasTime ? clock.hour * 60 + clock.minute : 24 * 60;
  return due.daysFromToday * 24 * 60 + minutes;
}

/** A Due cell's moment as a digest shows it: its wall clock, whether it has a time, how many days from today. */
export function digestDue(due: Date, today: CivilDate, readWallClock: ReadWallClock): DigestDue {
  const clock = readWallClock(due);
  return {
    clock,
    hasTime: !isDueDay(clock),
    daysFromToday: toDayNumber(clock) - toDayNumber(today),
    thisYear: today.year,
  };
}

/** The follow-up a row still owes, read from its `Follow-up due` cell; `null` when none is owed. */
function owedFollowUp(
  record: EscalationRecord,
  today: CivilDate,
  readWallClock: ReadWallClock,
): DigestItem["followUp"] {
  const reading = readFollowUpCell(record.followUp ?? "");
  if (!reading?.due || (reading.state !== "pending" && reading.state !== "overdue")) return null;
  const { day, hour, minute } = reading.due;
  const clock = { ...day, hour: hour ?? 0, minute: minute ?? 0, second: 0 };
  const due = digestDue(dateOfWallClock(clock, readWallClock), today, readWallClock);
  return { label: reading.label, overdue: reading.state === "overdue", due };
}

function statusText(record: EscalationRecord, readWallClock: ReadWallClock): string {
  if (record.status.kind === "Snoozed")
    return `Snoozed until ${formatPeopleDay(civilDateOf(record.status.until, readWallClock), true)}`;
  return record.status.kind;
}

/**
 * Plans one digest per owner: every unresolved escalation of a mailable account that was never
 * mailed (`new`) or was last mailed at least `Reminder every (days)` ago (`reminder`), flagged when
 * past due; snoozed rows stay silent until their date; and each missing value not mailed within the
 * same interval. Each escalation goes to the account owner and to every person of the roles its
 * rule's `Escalate to` names, one digest per person. Owners outside the allowed domains get nothing
 * and are listed; a role nobody can be told through is a routing problem, the owner still told.
 */
export function planDigests(input: DigestPlanInput): DigestPlan {
  const readWallClock = wallClockOf({ readWallClock: input.readWallClock });
  const today = civilDateOf(input.now, readWallClock);
  const byOwner = new Map<string, Digest>();
  const digestOf = (owner: string) => {
    const key = owner.toLowerCase();
    let digest = byOwner.get(key);
    if (!digest) {
      digest = { to: owner, items: [], missing: [] };
      byOwner.set(key, digest);
    }
    return digest;
  };
  const plan: DigestPlan = { digests: [], skipped: [], overdue: 0, reminders: 0, routingProblems: [] };
  const counted = { overdue: new Set<string>(), reminders: new Set<string>() };
  const routingProblem = (text: string) => {
    if (!plan.routingProblems.includes(text)) plan.routingProblems.push(text);
  };
  /** The people of the roles a rule escalates to (besides the owner), each problem reported once. */
  const rolePeople = (record: EscalationRecord): string[] => {
    const people: string[] = [];
    for (const role of record.rule?.rule.escalateTo ?? []) {
      const where = `${TAB.escalationRules} row ${record.rule?.rule.row}: Escalate to "${role}"`;
      const found = input.roles?.get(normalizeHeader(role));
      if (!input.roles)
        routingProblem(`${where}: the workbook has no ${ROLES_TAB} tab; only the owner was told`);
      else if (!found)
        routingProblem(`${where} is not a role of the ${ROLES_TAB} tab; only the owner was told`);
      else if (found.emails.length === 0)
        routingProblem(`${where}: the ${ROLES_TAB} tab lists no email for it; only the owner was told`);
      else
        for (const email of found.emails) {
          if (!emailDomainAllowed(email, input.allowedDomains))
            routingProblem(
              `${where}: ${email} is not in Allowed email domains (${input.allowedDomains.join(", ")}); not told`,
            );
          else people.push(email);
        }
    }
    return people;
  };

  for (const record of input.records) {
    if (record.id === "") continue;
    const followUp = owedFollowUp(record, today, readWallClock);
    const resolved = !isUnresolved(record.status);
    if (resolved && !followUp) continue;
    const account = input.accounts.get(nameKey(record.account));
    if (!account) continue;
    if (record.status.kind === "Snoozed" && record.status.until.getTime() > input.now.getTime()) continue;
    let kind: DigestItem["kind"];
    if (!record.lastNotified) kind = "new";
    else if (reminderDue(record.lastNotified, today, input.reminderEveryDays, readWallClock))
      kind = "reminder";
    else continue;
    const responseOverdue = !resolved && record.due ? isOverdue(record.due, input.now, readWallClock) : false;
    const overdue = responseOverdue || followUp?.overdue === true;
    const owner = account.ownerEmail || record.owner;
    if (owner === "") continue;
    const item: DigestItem = {
      id: record.id,
      kind,
      overdue,
      responseOverdue,
      severity: record.severity,
      account: record.account,
      tabName: account.tabName,
      sheetId: account.sheetId,
      metric: record.metric,
      since: record.period ? formatMonth(civilDateOf(record.period, readWallClock)) : "",
      latest: record.breach
        ? formatMonth(record.breach.period)
        : record.latestPeriod
          ? formatMonth(civilDateOf(record.latestPeriod, readWallClock))
          : "",
      ...valueAgainstRule(
        record.value,
        record.breach?.rule.condition ?? record.rule?.condition ?? record.condition,
        { target: record.breach?.target, metricTarget: record.breach?.metricTarget, readWallClock },
      ),
      detail: record.breach?.detail ?? (record.incident ? `Incident ${record.incident}` : ""),
      condition: record.condition,
      action: record.action,
      due: !resolved && record.due ? digestDue(record.due, today, readWallClock) : null,
      followUp,
      status: statusText(record, readWallClock),
      cell: record.breach ? cellAddress(record.breach.row, record.breach.column) : null,
    };
    // The owner and every person of the roles the rule names: one digest per person, the item once in it.
    const told = new Set<string>();
    for (const person of [owner, ...rolePeople(record)]) {
      if (told.has(person.toLowerCase())) continue;
      told.add(person.toLowerCase());
      digestOf(person).items.push(item);
    }
  }

  for (const missing of input.missingData) {
    const account = input.accounts.get(nameKey(missing.account));
    if (!account) continue;
    const key = missingDataKey(missing);
    const last = input.missingNotified.get(key);
    if (last && !reminderDue(last, today, input.reminderEveryDays, readWallClock)) continue;
    digestOf(account.ownerEmail || missing.ownerEmail).missing.push({
      key,
      account: missing.account,
      tabName: account.tabName,
      sheetId: account.sheetId,
      metric: missing.metric,
      period: formatMonth(missing.period),
      months: missing.months,
      cell: missing.cell,
      fromIncidents: missing.fromIncidents === true,
    });
  }

  for (const digest of byOwner.values()) {
    if (!emailDomainAllowed(digest.to, input.allowedDomains)) {
      const tabs = new Set([...digest.items, ...digest.missing].map((item) => item.tabName));
      for (const tab of tabs)
        plan.skipped.push({
          tab,
          owner: digest.to,
          reason:
            `the owner ${digest.to} is not in Allowed email domains (${input.allowedDomains.join(", ")}); ` +
            "no email was sent",
        });
      continue;
    }
    digest.items.sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (b.severity ? severityRank(b.severity) : -1) - (a.severity ? severityRank(a.severity) : -1) ||
        dueOrder(a.due) - dueOrder(b.due) ||
        a.account.localeCompare(b.account) ||
        a.id.localeCompare(b.id),
    );
    for (const item of digest.items) {
      if (item.overdue) counted.overdue.add(item.id);
      if (item.kind === "reminder") counted.reminders.add(item.id);
    }
    plan.digests.push(digest);
  }
  plan.overdue = counted.overdue.size;
  plan.reminders = counted.reminders.size;
  plan.digests.sort((a, b) => a.to.localeCompare(b.to));
  return plan;
}
