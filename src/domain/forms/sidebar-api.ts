// The JSON shapes the sidebar's server calls return (ISO date strings only; no Date crosses google.script.run).
import type { ReviewChoice } from "../sidebar/review-choices";
import type { KpiDefinitionForm } from "./kpi-definition-form";

/** An account tab the user can pick: its tab name and the account named in its `A2`… header. */
export interface AccountChoice {
  tab: string;
  account: string;
}

/** What the sidebar needs when it opens (`sidebarState()`). */
export interface SidebarState {
  accounts: AccountChoice[];
  /** The active sheet's tab name when it is an account tab, else `null`. */
  activeAccountTab: string | null;
  /** A sentence for the user when the active sheet is not an account tab (else `""`). */
  notice: string;
  /** Metric names of the KPI Catalog, in sheet order. */
  metrics: string[];
  /** Today in the spreadsheet's time zone, `YYYY-MM-DD`. */
  todayIso: string;
}

/** `loadKpiDefinition(metric)`: the form pre-filled from KPI Catalog and Escalation Rules. */
export interface KpiDefinitionData {
  exists: boolean;
  form: KpiDefinitionForm;
}

/** `checkCondition(text)`: whether a condition reads, the parser's message, and how it reads. */
export interface ConditionCheck {
  ok: boolean;
  message: string;
  description: string;
}

/** One metric row of the values form. */
export interface MetricValueRow {
  metric: string;
  category: string;
  target: string;
  /** The cell's value as text the form can show and read back (`99.5%`, `1200`, `Yes`). */
  value: string;
  /** True when the cell holds a formula: shown, never overwritten. */
  formula: boolean;
  /** True when the KPI Catalog measures the metric `from Incidents`: the scan fills it from the Incidents tab. */
  fromIncidents: boolean;
}

/** `loadValuesForm({account, periodIso})`. */
export interface ValuesFormData {
  account: string;
  accountName: string;
  periodIso: string;
  /** False when saving will add the period's column. */
  periodExists: boolean;
  rows: MetricValueRow[];
}

/** `loadReviewForm({account, reviewDateIso})`. */
export interface ReviewFormData {
  account: string;
  accountName: string;
  reviewDateIso: string;
  /** Go-live date of the account, `YYYY-MM-DD`, or `""` when the tab has none. */
  goLiveIso: string;
  /** The cadence's review type for the date (pre-selected). */
  reviewType: string;
  /** Every review type the user may pick, with its agenda items and suggested attendees. */
  agendas: ReviewChoice[];
}

/** One open, acknowledged or snoozed row of Escalation Log. */
export interface EscalationRow {
  id: string;
  metric: string;
  periodIso: string;
  value: string;
  condition: string;
  severity: string;
  action: string;
  owner: string;
  openedIso: string;
  dueIso: string;
  status: string;
  note: string;
  overdue: boolean;
  /** The `Incident` cell: the incident behind the escalation (`INC-7`), `""` when none. */
  incident: string;
  /** The `Follow-up due` cell as written (`Root cause report: Overdue (due 2026-10-21)`), `""` when none. */
  followUp: string;
  /** True when that follow-up is overdue (as the scan last wrote it). */
  followUpOverdue: boolean;
}

/** `listEscalations({account})`. */
export interface EscalationList {
  account: string;
  accountName: string;
  rows: EscalationRow[];
}
