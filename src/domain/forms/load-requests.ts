// Arguments of the sidebar's read-only server calls, validated on the server like every form.
import * as z from "zod/mini";
import { buildOnce } from "../build-once";
import { parseIsoDate } from "../civil-date";
import { MAX_NAME_LENGTH, requiredIsoDate, requiredText } from "./form-fields";

/** `{account}`: an account tab's name. */
export const accountRequest = buildOnce(() =>
  z.object({
    account: requiredText("Account", MAX_NAME_LENGTH, "Pick an account tab"),
  }),
);

/** `{account, periodIso}` for `loadValuesForm`: the period is the first day of a month. */
export const valuesRequest = buildOnce(() =>
  z.object({
    account: requiredText("Account", MAX_NAME_LENGTH, "Pick an account tab"),
    periodIso: requiredIsoDate("Period", "Pick a month").check(
      z.refine((text) => parseIsoDate(text)?.day === 1, "Period: expected the first day of a month"),
    ),
  }),
);

/** `{account, reviewDateIso}` for `loadReviewForm`. */
export const reviewRequest = buildOnce(() =>
  z.object({
    account: requiredText("Account", MAX_NAME_LENGTH, "Pick an account tab"),
    reviewDateIso: requiredIsoDate("Review date", "Review date: pick the day of the review"),
  }),
);

/** A metric name for `loadKpiDefinition`. */
export const metricRequest = buildOnce(() =>
  requiredText("Metric", MAX_NAME_LENGTH, "Metric: pick a metric"),
);

/** Parses `input` with `schema`, throwing one readable message (`<call>: <what was wrong>`) when it fails. */
export function parseRequest<T>(
  call: string,
  schema: {
    safeParse(
      input: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`${call}: ${result.error.issues.map((issue) => issue.message).join("; ")}`);
}
