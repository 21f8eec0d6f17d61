// The "Contract KPIs" form: one KPI Catalog row and the Escalation Rules rows of that metric.
import * as z from "zod/mini";
import { buildOnce } from "../build-once";
import { parseFromMonth } from "../cadence/months-since";
import { parseResponsePlan } from "../calendar/response-window";
import { SEGMENTS, type Segment } from "../segment";
import { CATEGORIES, CPARS_AREAS, normalizeHeader, SEVERITIES } from "../workbook-schema";
import { conditionProblem } from "./condition-check";
import {
  choice,
  MAX_LONG_TEXT_LENGTH,
  MAX_NAME_LENGTH,
  MAX_SHORT_TEXT_LENGTH,
  optionalChoice,
  optionalText,
  requiredText,
  textOf,
  whenArray,
} from "./form-fields";

/** Most escalation rules one metric may have in the form. */
export const MAX_RULES_PER_METRIC = 20;
/** Latest `From month` accepted (months since go-live). */
export const MAX_FROM_MONTH = 120;

/** The message of a reader that throws on bad input, or `null` when it reads. */
function problemOf(read: () => unknown): string | null {
  try {
    read();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A condition-language field; the parser's message becomes the field's message. */
function conditionText(label: string, required: boolean) {
  const base = required
    ? requiredText(label, MAX_SHORT_TEXT_LENGTH, `${label}: type a condition such as "below 40%"`)
    : optionalText(label, MAX_SHORT_TEXT_LENGTH);
  return base.check(
    z.superRefine((text, ctx) => {
      if (text === "") return;
      const problem = conditionProblem(text);
      if (problem) ctx.addIssue({ code: "custom", message: `${label}: ${problem}` });
    }),
  );
}

/** One Escalation Rules row as edited in the form. */
function escalationRuleEntry() {
  return z.object({
    severity: choice(SEVERITIES, "Severity: pick Watch, Warning or Critical"),
    condition: conditionText("Condition", true),
    fromMonth: optionalText("From month", 20).check(
      z.superRefine((text, ctx) => {
        const problem = problemOf(() => {
          const month = parseFromMonth(text);
          if (month !== null && month > MAX_FROM_MONTH)
            throw new Error(`From month: at most ${MAX_FROM_MONTH} months since go-live, got ${month}`);
        });
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    ),
    action: requiredText("Action", MAX_SHORT_TEXT_LENGTH, "Action: say what happens when the rule fires"),
    respondWithin: optionalText("Respond within", 60).check(
      z.superRefine((text, ctx) => {
        const problem = problemOf(() => parseResponsePlan(text));
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    ),
    /** The accounts the rule is for; absent = All. */
    segment: z.optional(segmentScopeField()),
    /** Roles told besides the owner (`;`-separated); absent or blank = owner only. */
    escalateTo: z.optional(
      optionalText("Escalate to", MAX_SHORT_TEXT_LENGTH).check(
        z.superRefine((text, ctx) => {
          const problem = escalateToProblem(text);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
      ),
    ),
    /** `Yes` when an escalation of the rule reaches the contracting officer; absent or blank = no. */
    reachesCo: z.optional(optionalChoice(["Yes"] as const, "Reaches CO: pick Yes or leave it blank")),
  });
}

/** The Segment field of a catalog row or rule: All, Federal or Commercial. */
function segmentScopeField() {
  return choice(["All", ...SEGMENTS] as ["All", ...Segment[]], "Segment: pick All, Federal or Commercial");
}

/** Longest role name accepted in Escalate to. */
const MAX_ROLE_LENGTH = 60;

/**
 * Why an `Escalate to` text cannot be read, or `null`: role names separated by `;`, each at most 60
 * characters of letters, digits, spaces and `-&/.'()`.
 */
export function escalateToProblem(text: string): string | null {
  for (const role of text.split(";").map((part) => part.trim())) {
    if (role === "") continue;
    if (role.length > MAX_ROLE_LENGTH)
      return `Escalate to: a role name has at most ${MAX_ROLE_LENGTH} characters ("${role.slice(0, 20)}…")`;
    if (!/^[\p{L}\p{N}][\p{L}\p{N} \-&/.'()]*$/u.test(role))
      return `Escalate to: "${role}" is not a role name; separate roles with ; (e.g. Federal Posture Lead; Revenue Lead)`;
  }
  return null;
}

/** The KPI definition form as sent to `saveKpiDefinition` (its schema, built on first use). */
export const kpiDefinitionForm = buildOnce(() =>
  z
    .object({
      /** The metric's name when the form was loaded; blank for a new metric. */
      originalMetric: optionalText("Original metric", MAX_NAME_LENGTH),
      /** Opaque token of the catalog row and rules as loaded, so a concurrent change is noticed. */
      version: z.string({ error: "Version: expected text" }),
      metric: requiredText("Metric", MAX_NAME_LENGTH, "Metric: type the metric's name"),
      category: choice(CATEGORIES, "Category: pick Contract-facing or Internal"),
      clinRef: optionalText("CLIN / QASP ref", MAX_SHORT_TEXT_LENGTH),
      definition: optionalText("Definition", MAX_LONG_TEXT_LENGTH),
      target: conditionText("Target", false),
      measurementMethod: optionalText("Measurement method", MAX_SHORT_TEXT_LENGTH),
      reportingCadence: optionalText("Reporting cadence", MAX_NAME_LENGTH),
      cparsArea: optionalChoice(CPARS_AREAS, "CPARS area: pick Schedule, Quality, Cost, Management or blank"),
      /** The accounts the metric is for; absent = All. */
      segment: z.optional(segmentScopeField()),
      rules: z
        .array(escalationRuleEntry())
        .check(z.maxLength(MAX_RULES_PER_METRIC, `At most ${MAX_RULES_PER_METRIC} rules per metric`)),
    })
    .check(
      z.superRefine((form, ctx) => {
        const seen = new Map<string, number>();
        form.rules.forEach((rule: unknown, index) => {
          const condition = normalizeHeader(textOf(rule, "condition"));
          if (condition === "") return;
          const key = `${textOf(rule, "severity")}|${condition}|${textOf(rule, "fromMonth")}`;
          const first = seen.get(key);
          if (first !== undefined) {
            ctx.addIssue({
              code: "custom",
              message: `Condition: same severity, condition and month as rule ${first + 1}`,
              path: ["rules", index, "condition"],
            });
          } else seen.set(key, index);
        });
      }, whenArray("rules")),
    ),
);

/** The KPI definition form as typed. */
export type KpiDefinitionForm = z.input<ReturnType<typeof kpiDefinitionForm>>;
/** The KPI definition form after validation (trimmed). */
export type ValidKpiDefinitionForm = z.output<ReturnType<typeof kpiDefinitionForm>>;
/** One escalation rule after validation. */
export type ValidEscalationRule = z.output<ReturnType<typeof escalationRuleEntry>>;
