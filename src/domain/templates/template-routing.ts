// Segment, Escalate to and Reaches CO of the templates' rows: which accounts a row is for and whom its action names.
import type { SegmentScope } from "../segment";
import { COLUMNS, OPTIONAL_COLUMNS } from "../workbook-schema";
import type { TemplateRecord } from "./template-types";

/** The KPI Catalog columns a template writes: the contract's, then Segment. */
export const CATALOG_TEMPLATE_COLUMNS = [...COLUMNS.kpiCatalog, ...OPTIONAL_COLUMNS.kpiCatalog] as const;
/** The Escalation Rules columns a template writes: the contract's, then Segment, Escalate to, Reaches CO. */
export const RULES_TEMPLATE_COLUMNS = [
  ...COLUMNS.escalationRules,
  ...OPTIONAL_COLUMNS.escalationRules,
] as const;

/** A catalog row of a template. */
export type CatalogTemplateRow = TemplateRecord<typeof CATALOG_TEMPLATE_COLUMNS>;
/** A rule row of a template. */
export type RuleTemplateRow = TemplateRecord<typeof RULES_TEMPLATE_COLUMNS>;

/**
 * The people the escalation matrix names in its actions, as `Roles` tab roles: setup lists each (emails
 * blank), and a rule whose Action names one escalates to it.
 */
export const TEMPLATE_ROLES = [
  "Federal Posture Lead",
  "First-SKU Launch Lead",
  "Authorization Architect",
  "Revenue Lead",
  "Retention team",
] as const;

/** The roles an action text names, in {@link TEMPLATE_ROLES} order, as an `Escalate to` cell (`A; B`). */
export function rolesNamedIn(action: string): string {
  const text = action.toLowerCase();
  return TEMPLATE_ROLES.filter((role) => text.includes(role.toLowerCase())).join("; ");
}

/** A contract rule row with its Segment, the roles its action names, and Reaches CO left blank. */
export function routedRule(
  row: TemplateRecord<typeof COLUMNS.escalationRules>,
  segment: SegmentScope,
): RuleTemplateRow {
  return { ...row, Segment: segment, "Escalate to": rolesNamedIn(String(row.Action)), "Reaches CO": "" };
}
