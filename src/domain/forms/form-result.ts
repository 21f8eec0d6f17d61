// What a sidebar save returns, and how zod issues become one message per form field.

/** Messages keyed by the field's path in the form (`rules.0.condition`), one per field. */
export type FieldErrors = Record<string, string>;

/** A save the server refused: a summary and one message per field. */
export interface SaveRefused {
  ok: false;
  message: string;
  fieldErrors: FieldErrors;
}

/** The answer to a save: done (a confirmation the user sees, plus `Extra`) or refused with field messages. */
export type SaveResult<Extra extends object = Record<never, never>> =
  | ({ ok: true; message: string } & Extra)
  | SaveRefused;

/** The minimal shape of a validation issue (zod's `$ZodIssue` satisfies it). */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** The field key of an issue path: its segments joined with dots (`rules.0.condition`). */
export function fieldKey(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join(".");
}

/** One message per field (the first issue wins); issues without a path go under `""`. */
export function fieldErrorsOf(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** A refused save: `message` summarises, `fieldErrors` point at the fields. */
export function refused(
  fieldErrors: FieldErrors,
  message = "Nothing was saved: fix the marked fields.",
): SaveRefused {
  return { ok: false, message, fieldErrors };
}
