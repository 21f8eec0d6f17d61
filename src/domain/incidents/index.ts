// Incidents: downtime and availability (month and rolling windows), time to remediate per incident, root-cause follow-ups.

export {
  type AvailabilityOptions,
  type AvailabilityWindow,
  extremeWindows,
  isAvailabilityWindow,
  type MonthAvailability,
  monthAvailability,
  rollingExtremes,
  SLA_WINDOW_MS,
  windowAvailability,
} from "./availability";
export { type AvailabilitySeries, availabilitySeries } from "./availability-series";
export {
  accountDowntime,
  type Downtime,
  type DowntimeInterval,
  incidentsOf,
  MINUTE_MS,
  type Outage,
} from "./downtime";
export { type IncidentMeasure, incidentMeasure, isFromIncidents } from "./incident-measure";
export { type MonthSpan, monthSpan, type ReportingMonth } from "./month-span";
export {
  type MonthRemediation,
  monthRemediation,
  type RemediationOptions,
  type RemediationTime,
  remediationTime,
} from "./remediation";
export {
  type IncidentJudgement,
  incidentBreaches,
  judgeIncidents,
  remediationValue,
} from "./remediation-rule";
export { rootCauseDelivered } from "./root-cause-delivery";
