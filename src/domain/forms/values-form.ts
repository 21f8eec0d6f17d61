// The "Enter values" form: one period of the active account tab, one typed value per metric.
import * as z from "zod/mini";
import { buildOnce } from "../build-once";
import { parseIsoDate } from "../civil-date";
import { readEnteredValue } from "./entered-value";
import { MAX_NAME_LENGTH, requiredIsoDate, requiredText } from "./form-fields";

/** Most metric rows one form may carry. */
export const MAX_METRIC_ROWS = 500;

/** One metric's value in the form: `before` is what the form showed when loaded, `value` what is typed now. */
function metricValueEntry() {
  return z
    .object({
      metric: requiredText("Metric", MAX_NAME_LENGTH, "Metric name is missing"),
      before: z.string({ error: "Value before: expected text" }),
      value: z.string({ error: "Value: expected text" }),
    })
    .check(
      z.superRefine((entry, ctx) => {
        if (entry.value.trim() === entry.before.trim()) return;
        const reading = readEnteredValue(entry.value);
        if (reading.kind === "error")
          ctx.addIssue({ code: "custom", message: reading.message, path: ["value"] });
      }),
    );
}

/** The values form as sent to `saveValues` (its schema, built on first use). */
export const valuesForm = buildOnce(() =>
  z.object({
    account: requiredText("Account", MAX_NAME_LENGTH, "Pick an account tab"),
    periodIso: requiredIsoDate("Period", "Pick a month").check(
      z.refine((text) => parseIsoDate(text)?.day === 1, "Period: expected the first day of a month"),
    ),
    values: z
      .array(metricValueEntry())
      .check(z.maxLength(MAX_METRIC_ROWS, `At most ${MAX_METRIC_ROWS} metrics`)),
  }),
);

/** The values form as typed (input of {@link valuesForm}). */
export type ValuesForm = z.input<ReturnType<typeof valuesForm>>;
/** The values form after validation (trimmed). */
export type ValidValuesForm = z.output<ReturnType<typeof valuesForm>>;

/** Entries whose typed value differs from what the form showed: the only cells a save writes. */
export function changedEntries(form: ValidValuesForm): ValidValuesForm["values"] {
  return form.values.filter((entry) => entry.value.trim() !== entry.before.trim());
}
