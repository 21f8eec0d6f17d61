// Picks the setup template: from the argument ("federal" or "saas"), else by asking the user (Yes = federal, No = SaaS).
import type { TemplateId, WorkbookTemplate } from "../../domain/templates/template-types";
import { getWorkbookTemplate } from "../../domain/templates/workbook-templates";
import { availableUi } from "../platform/ui";

/** The question the menu command asks when no template is given. */
export const TEMPLATE_QUESTION =
  "Which template should fill the new tabs?\n\n" +
  "Yes = federal template (QASP / CPARS contract metrics, escalation matrix, expansion triggers)\n" +
  "No = SaaS template (health score, green/yellow/red signals, onboarding and support KPIs)\n" +
  "Cancel = change nothing";

/**
 * The template to use. A string argument names it (`"federal"`, `"saas"`, blank = federal; anything
 * else throws with the choices). Without one (the menu passes none, or an event object) the user is
 * asked; with no UI to ask, the federal default. Returns null when the user cancels.
 */
export function chooseTemplate(argument: unknown): WorkbookTemplate | null {
  if (typeof argument === "string") return getWorkbookTemplate(argument);
  const ui = availableUi();
  if (!ui) return getWorkbookTemplate();
  const answer = ui.alert("KPI Steward: Setup workbook", TEMPLATE_QUESTION, ui.ButtonSet.YES_NO_CANCEL);
  const id: TemplateId | null =
    answer === ui.Button.YES ? "federal" : answer === ui.Button.NO ? "saas" : null;
  return id ? getWorkbookTemplate(id) : null;
}
