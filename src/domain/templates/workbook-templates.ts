// Looks up a setup template by the id `setupWorkbook(template?)` receives.
import { FEDERAL_TEMPLATE } from "./federal-template";
import { SAAS_TEMPLATE } from "./saas-template";
import type { WorkbookTemplate } from "./template-types";

/** Every setup template, federal first (the default). */
export const WORKBOOK_TEMPLATES: readonly WorkbookTemplate[] = [FEDERAL_TEMPLATE, SAAS_TEMPLATE];

/**
 * The template for an id (`"federal"` or `"saas"`, any case); blank or omitted gives the federal
 * template. Throws for any other id, naming the choices.
 */
export function getWorkbookTemplate(id?: string): WorkbookTemplate {
  const key = (id ?? "").trim().toLowerCase() || "federal";
  const template = WORKBOOK_TEMPLATES.find((candidate) => candidate.id === key);
  if (!template)
    throw new Error(
      `Setup workbook: template must be ${WORKBOOK_TEMPLATES.map((t) => `"${t.id}"`).join(" or ")}, got ${JSON.stringify(id)}`,
    );
  return template;
}
