// Field schemas shared by every sidebar form (browser and server): trimmed text, ISO dates, choice lists.
import * as z from "zod/mini";
import { parseIsoDate } from "../civil-date";

/** Longest text a form accepts for a name (metric, account, owner). */
export const MAX_NAME_LENGTH = 100;
/** Longest text a form accepts for a short free-text field (reference, action, decision). */
export const MAX_SHORT_TEXT_LENGTH = 500;
/** Longest text a form accepts for a long free-text field (definition, outcome, note). */
export const MAX_LONG_TEXT_LENGTH = 5000;

/** Optional text, trimmed; blank is allowed. `label` names the field in messages. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}: expected text` })
    .check(z.trim(), z.maxLength(max, `${label}: at most ${max} characters`));
}

/** Required text, trimmed; `emptyMessage` is what the user sees next to an empty field. */
export function requiredText(label: string, max: number, emptyMessage: string) {
  return z
    .string({ error: `${label}: expected text` })
    .check(z.trim(), z.minLength(1, emptyMessage), z.maxLength(max, `${label}: at most ${max} characters`));
}

/** True for `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** A required calendar date sent as `YYYY-MM-DD` (no `Date` crosses google.script.run). */
export function requiredIsoDate(label: string, emptyMessage: string) {
  return z.string({ error: `${label}: expected a date` }).check(
    z.trim(),
    z.minLength(1, emptyMessage),
    z.refine((text) => text === "" || isIsoDate(text), `${label}: expected a date like 2026-03-31`),
  );
}

/** An optional calendar date sent as `YYYY-MM-DD`, or blank. */
export function optionalIsoDate(label: string) {
  return z.string({ error: `${label}: expected a date` }).check(
    z.trim(),
    z.refine((text) => text === "" || isIsoDate(text), `${label}: expected a date like 2026-03-31`),
  );
}

/** One of a fixed list of choices; `message` says what to pick. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

/** One of a fixed list of choices, or blank. */
export function optionalChoice<const T extends readonly string[]>(values: T, message: string) {
  return z.enum(["", ...values] as [string, ...string[]], { error: message }) as unknown as z.ZodMiniEnum<{
    [K in "" | T[number]]: K;
  }>;
}

/**
 * Options for a whole-form check that should run even when some fields failed, so the user sees
 * every message at once: it runs whenever `key` holds an array (the check must tolerate bad fields).
 */
export function whenArray(key: string) {
  return {
    when: (payload: { value: unknown }) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      Array.isArray((payload.value as Record<string, unknown>)[key]),
  };
}

/** A field of a possibly malformed entry, as trimmed text (`""` when missing or not text). */
export function textOf(entry: unknown, key: string): string {
  const value =
    typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value.trim() : "";
}
