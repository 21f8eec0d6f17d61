// Looks up a setup template by the id `setupWorkbook(template?)` receives.
import { FEDERAL_TEMPLATE, federalTemplate } from "./federal-template";
import { type HealthProfile, healthScoreRules } from "./health-rules";
import { SAAS_TEMPLATE, saasTemplate } from "./saas-template";
import type { WorkbookTemplate } from "./template-types";

/** Every setup template, federal first (the default), as values (tests); the add-in builds them on use. */
export const WORKBOOK_TEMPLATES: readonly WorkbookTemplate[] = [FEDERAL_TEMPLATE, SAAS_TEMPLATE];

/** Builds every setup template, federal first: called on setup only, never at load. */
function buildWorkbookTemplates(): WorkbookTemplate[] {
  return [federalTemplate(), saasTemplate()];
}

/**
 * The template for an id (`"federal"` or `"saas"`, any case); blank or omitted gives the federal
 * template. Throws for any other id, naming the choices.
 */
export function getWorkbookTemplate(id?: string): WorkbookTemplate {
  const key = (id ?? "").trim().toLowerCase() || "federal";
  const templates = buildWorkbookTemplates();
  const template = templates.find((candidate) => candidate.id === key);
  if (!template)
    throw new Error(
      `Setup workbook: template must be ${templates.map((t) => `"${t.id}"`).join(" or ")}, got ${JSON.stringify(id)}`,
    );
  return template;
}

/**
 * `template` with its health-score rules in the workbook's profile: a workbook whose Settings ›
 * Health bands is the three-band `90/70` gets that profile's responses (yellow: proactive outreach
 * within 48 hours; red: executive engagement within 24 hours); four bands keep the framework's.
 */
export function withHealthProfile(template: WorkbookTemplate, profile: HealthProfile): WorkbookTemplate {
  if (profile === "four-band") return template;
  const isHealthTrigger = (row: WorkbookTemplate["escalationRules"]["rows"][number]) =>
    row.Metric === "Health score" && row.Segment === "All";
  const rows = template.escalationRules.rows;
  const at = rows.findIndex(isHealthTrigger);
  const kept = rows.filter((row) => !isHealthTrigger(row));
  return {
    ...template,
    settings: {
      ...template.settings,
      rows: template.settings.rows.map((row) =>
        row.Setting === "Health bands" ? { ...row, Value: "90/70" } : row,
      ),
    },
    escalationRules: {
      ...template.escalationRules,
      rows: [...kept.slice(0, Math.max(at, 0)), ...healthScoreRules(profile), ...kept.slice(Math.max(at, 0))],
    },
  };
}
