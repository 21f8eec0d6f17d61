// Plans what a run changes and sends (pure): the Escalation Log, one digest per owner, and the escalations left without a tab.
import type { ReadWallClock } from "../civil-date";
import type { ParsedEscalationLog } from "../workbook/parse-escalation-log";
import type { Settings } from "../workbook/parse-settings";
import { nameKey } from "./breach-key";
import type { CompiledRules } from "./compile-rules";
import type { DigestPlan, DigestPlanInput, MailableAccount } from "./digest-plan";
import { planDigests } from "./digest-plan";
import type { EscalationPlan, EscalationPlanInput } from "./escalation-plan";
import { isUnresolved, planEscalationLog } from "./escalation-plan";
import type { AccountEvaluation } from "./evaluate-account";
import type { JournalNotifications } from "./mail-journal";
import type { MissingNotified } from "./missing-notified";
import { mergeMissingNotified } from "./missing-notified";

/** What {@link planRun} needs: the log and rules as read, this run's evaluations, the pass's accounts. */
export interface RunPlanInput {
  log: ParsedEscalationLog;
  /** 1-based row where new log rows start. */
  firstNewRow: number;
  rules: CompiledRules;
  /** False when the Escalation Rules tab could not be read. */
  rulesReadable: boolean;
  /** Evaluations of the account tabs read in this run. */
  evaluations: readonly AccountEvaluation[];
  /** Every account tab of the pass so far (earlier runs of a resumed pass included), by {@link nameKey}. */
  accounts: ReadonlyMap<string, MailableAccount>;
  /** True when this run completes the pass (every account tab has been read). */
  passComplete: boolean;
  settings: Pick<Settings, "fiscalYearStartMonth" | "reminderEveryDays" | "allowedEmailDomains">;
  now: Date;
  readWallClock: ReadWallClock;
  /** What the mail journal says earlier runs sent but did not record. */
  journal: JournalNotifications;
  /** When each missing value was last mailed, as stored. */
  missingNotified: MissingNotified;
  /** The Roles tab's people by role key (`null` without a Roles tab). */
  roles?: DigestPlanInput["roles"];
  /** The incidents behind a log row's account and period, for its `Follow-up due` (see `planEscalationLog`). */
  incidentsBehind?: EscalationPlanInput["incidentsBehind"];
  /** Every incident of the Incidents tab (`null` without the tab), for rows whose `Incident` cell names theirs. */
  incidents?: EscalationPlanInput["incidents"];
}

/** The run's plan. */
export interface RunPlan {
  log: EscalationPlan;
  digests: DigestPlan;
  /** When each missing value was last mailed: the stored record with the journal's sends laid over it. */
  missingNotified: Map<string, Date>;
  /** Unresolved escalations whose account has no tab in a complete pass (empty until the pass is complete). */
  escalationsWithoutTab: { id: string; account: string }[];
}

/**
 * Plans the Escalation Log (open, continue, resolve, end snoozes, and `Last notified` for the sends
 * the journal recorded) and the digests from it: what the workbook will say and who is told, before
 * anything is written.
 */
export function planRun(input: RunPlanInput): RunPlan {
  const log = planEscalationLog({
    log: input.log,
    evaluations: input.evaluations,
    rules: input.rules.rules,
    brokenKeys: input.rules.brokenKeys,
    brokenFamilies: input.rules.brokenFamilies,
    rulesReadable: input.rulesReadable,
    now: input.now,
    readWallClock: input.readWallClock,
    fiscalYearStartMonth: input.settings.fiscalYearStartMonth,
    notified: input.journal.escalations,
    firstNewRow: input.firstNewRow,
    ...(input.incidentsBehind ? { incidentsBehind: input.incidentsBehind } : {}),
    ...(input.incidents ? { incidents: input.incidents } : {}),
  });
  const missingNotified = mergeMissingNotified(input.missingNotified, input.journal.missing);
  const digests = planDigests({
    records: log.records,
    accounts: input.accounts,
    missingData: input.evaluations.flatMap((evaluation) => evaluation.missingData),
    missingNotified,
    now: input.now,
    readWallClock: input.readWallClock,
    reminderEveryDays: input.settings.reminderEveryDays,
    allowedDomains: input.settings.allowedEmailDomains,
    roles: input.roles ?? null,
  });
  const escalationsWithoutTab = input.passComplete
    ? log.records
        .filter((r) => isUnresolved(r.status) && r.account !== "" && !input.accounts.has(nameKey(r.account)))
        .map((r) => ({ id: r.id, account: r.account }))
    : [];
  return { log, digests, missingNotified, escalationsWithoutTab };
}
