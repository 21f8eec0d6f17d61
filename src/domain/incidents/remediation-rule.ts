// Rules on time to remediate judged per incident: `above 4 hours` on `MTTR - P1` fires for each P1 that took longer.
import type { Condition, ConditionResult, EvaluationContext } from "../condition";
import { evaluateCondition } from "../condition";
import type { RemediationTime } from "./remediation";

/** One incident judged by a rule. */
export interface IncidentJudgement {
  time: RemediationTime;
  /** The condition's result on the incident's time (its age so far when open). */
  result: ConditionResult;
  /**
   * True when the rule holds for the incident: for a resolved incident, when the condition holds for
   * its time; for an open one, when it holds for its age and would still hold however long it stays
   * open (`above 4 hours` once it has been open 4 hours; `below 1 hour` never, until it is resolved).
   */
  breached: boolean;
  /** E.g. `INC-7 took 9 hours: 9 hours is above 4 hours`, or `INC-9 has been open 5 hours: …`. */
  reason: string;
}

/** A duration in minutes as the cell text the condition language reads: `9 hours`, `95 minutes`. */
export function remediationValue(minutes: number): string {
  const rounded = Number(minutes.toPrecision(12));
  return Number.isInteger(rounded / 60) ? `${rounded / 60} hours` : `${rounded} minutes`;
}

/** About ten years, in minutes: "however long it stays open". */
const FOREVER_MINUTES = 10 * 365 * 24 * 60;

/**
 * Judges each incident on its own time to remediate (resolved ones on their time, open ones on their
 * age) and returns a judgement for each, in the order given. The time reaches the condition
 * as a duration, converted to the condition's unit (`above 4 hours`, `above 240 min`); a condition
 * without a time unit (`above 4`) is reported as a problem in `result.problem`, never guessed.
 */
export function judgeIncidents(
  condition: Condition,
  times: readonly RemediationTime[],
  context: EvaluationContext = {},
): IncidentJudgement[] {
  return times.map((time) => {
    const result = evaluateCondition(condition, [remediationValue(time.minutes)], context);
    const lasting =
      !time.open || evaluateCondition(condition, [remediationValue(FOREVER_MINUTES)], context).matched;
    const breached = result.matched && lasting;
    const took = time.open
      ? `${time.incident.id} has been open ${remediationValue(Math.floor(time.minutes))}`
      : `${time.incident.id} took ${remediationValue(time.minutes)}`;
    const why = result.problem ?? result.reason;
    return { time, result, breached, reason: why ? `${took}: ${why}` : took };
  });
}

/** The incidents a rule fires on (see {@link judgeIncidents}), in the order given. */
export function incidentBreaches(
  condition: Condition,
  times: readonly RemediationTime[],
  context: EvaluationContext = {},
): IncidentJudgement[] {
  return judgeIncidents(condition, times, context).filter((judgement) => judgement.breached);
}
