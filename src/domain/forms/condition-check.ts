// Checks condition-language text for the forms: the parser's own message (pointing at the word) or a plain reading.
import { describeCondition, parseCondition } from "../condition";
import type { ConditionCheck } from "./sidebar-api";

/** Reads `text` as a condition: `ok` with a plain-English reading, or the parser's message. */
export function checkConditionText(text: unknown): ConditionCheck {
  const source = typeof text === "string" ? text : "";
  try {
    const condition = parseCondition(source);
    return { ok: true, message: "", description: `True when ${describeCondition(condition)}.` };
  } catch (error) {
    return { ok: false, message: (error as Error).message, description: "" };
  }
}

/** The parser's message for `text`, or `null` when it reads. */
export function conditionProblem(text: string): string | null {
  const check = checkConditionText(text);
  return check.ok ? null : check.message;
}
