// Seed 004's expansion-readiness triggers: when a second-SKU conversation may start.

/** What the account shows today; null means no data was given. */
export interface ExpansionSignals {
  daysSinceGoLive: number | null;
  /** Fraction of provisioned users active in the last 30 days. */
  adoption: number | null;
  openP1P2: number | null;
  pastDuePoam: number | null;
  issoConfirmed: boolean | null;
  interestSignal: boolean | null;
}

/** One trigger of seed 004 with whether it is met and the evidence. */
export interface TriggerCheck {
  trigger: string;
  threshold: string;
  met: boolean;
  evidence: string;
}

/** Minimum days since go-live before an expansion conversation. */
export const MIN_DAYS_SINCE_GO_LIVE = 90;
/** Minimum share of provisioned users active in the last 30 days. */
export const MIN_ADOPTION = 0.6;

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

/** Checks every trigger; an absent signal fails its trigger with "no data". */
export function checkExpansionTriggers(signals: ExpansionSignals): TriggerCheck[] {
  const { daysSinceGoLive, adoption, openP1P2, pastDuePoam, issoConfirmed, interestSignal } = signals;
  return [
    {
      trigger: "Time since go-live",
      threshold: `at least ${MIN_DAYS_SINCE_GO_LIVE} days`,
      met: daysSinceGoLive !== null && daysSinceGoLive >= MIN_DAYS_SINCE_GO_LIVE,
      evidence: daysSinceGoLive === null ? "no go-live data" : `${daysSinceGoLive} days since go-live`,
    },
    {
      trigger: "User adoption",
      threshold: `at least ${percent(MIN_ADOPTION)} of provisioned users active`,
      met: adoption !== null && adoption >= MIN_ADOPTION,
      evidence: adoption === null ? "no adoption data" : `adoption ${percent(adoption)}`,
    },
    {
      trigger: "No open P1/P2 tickets",
      threshold: "0 open P1 or P2 tickets",
      met: openP1P2 === 0,
      evidence: openP1P2 === null ? "no ticket data" : `${openP1P2} open P1/P2 tickets`,
    },
    {
      trigger: "No past-due POA&M items",
      threshold: "0 POA&M items past due",
      met: pastDuePoam === 0,
      evidence: pastDuePoam === null ? "no POA&M data" : `${pastDuePoam} POA&M items past due`,
    },
    {
      trigger: "ISSO written confirmation",
      threshold: "ISSO confirmed authorization posture in writing",
      met: issoConfirmed === true,
      evidence:
        issoConfirmed === null
          ? "no ISSO confirmation recorded"
          : issoConfirmed
            ? "confirmed"
            : "not confirmed",
    },
    {
      trigger: "Agency interest signal",
      threshold: "PM or ISSO asked about more capabilities",
      met: interestSignal === true,
      evidence:
        interestSignal === null ? "no interest signal recorded" : interestSignal ? "asked" : "not yet",
    },
  ];
}

/** `Ready`, or `Not ready: ` followed by each failed trigger with its evidence. */
export function expansionVerdict(checks: readonly TriggerCheck[]): string {
  const failed = checks.filter((c) => !c.met);
  if (failed.length === 0) return "Ready";
  return `Not ready: ${failed.map((c) => `${c.trigger} (${c.evidence}; needs ${c.threshold})`).join("; ")}`;
}
