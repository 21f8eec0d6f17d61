// Checks a condition-language text for the forms: the parser's own message, pointing at the word it could not read.

/** The parser's message for `text`, or `null` when it reads. Blank text is the caller's concern. */
export function conditionProblem(text: string): string | null {
  // Placeholder until src/domain/condition lands on main.
  return text.includes("??") ? `Could not read "??"` : null;
}
