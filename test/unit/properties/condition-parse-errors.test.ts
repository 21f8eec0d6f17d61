// Property tests of the condition parser on arbitrary text: it either reads a condition or throws its own error, pointing inside the text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ConditionSyntaxError,
  evaluateCondition,
  formatCondition,
  parseCondition,
  parseRuleList,
  RuleListSyntaxError,
} from "../../../src/domain/condition";
import { keywords } from "../../../src/domain/condition/vocabulary";
import { row, writtenCondition } from "./condition-arbitraries";

const RUNS = { numRuns: 1000 };

/** Pieces that get the parser past its first word: the language's own words, numbers, symbols, quotes. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...keywords()) },
  {
    weight: 3,
    arbitrary: fc.constantFrom("40%", "4", "-5", ".5", "1,200", "1,2345", "1e999", "NaN", "-0", "0.1e3"),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom("<", ">=", "≥", "<>", "+", "%", "$", "-", ".", ",", ":", ";", "(", "="),
  },
  { weight: 1, arbitrary: fc.constantFrom('"', "“", "”", "'", "‘", '""', '"x"', "'y'", "“z”") },
  { weight: 1, arbitrary: fc.constantFrom("blah", "parsecs", "Détecté", "don't", "month", "at") },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const glue = fc.constantFrom(" ", " ", "", "  ", "\t", "\n");
const soup = fc
  .array(fc.tuple(piece, glue), { maxLength: 10 })
  .map((parts) => parts.map(([p, g]) => p + g).join(""));
/** One edit of a word list: drop, repeat, swap with the next, or put a piece before a word. */
const edit = fc.tuple(fc.constantFrom("drop", "repeat", "swap", "insert"), fc.nat(), piece);
/** A well-formed condition with a few words dropped, repeated, swapped or inserted: almost right. */
const nearMiss = fc
  .tuple(writtenCondition, fc.array(edit, { minLength: 1, maxLength: 3 }))
  .map(([w, edits]) => {
    const words = w.text.split(" ");
    for (const [op, at, extra] of edits) {
      const i = at % Math.max(1, words.length);
      if (op === "drop") words.splice(i, 1);
      else if (op === "repeat") words.splice(i, 0, words[i] ?? extra);
      else if (op === "swap" && i + 1 < words.length) [words[i], words[i + 1]] = [words[i + 1], words[i]];
      else words.splice(i, 0, extra);
    }
    return words.join(" ");
  });
/** Any text: near misses, word soup from the vocabulary, printable text, or any Unicode. */
const anyText = fc.oneof(
  { weight: 3, arbitrary: nearMiss },
  { weight: 3, arbitrary: soup },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);

/** The 1-based number of the space-separated word holding `column`; one past the last at the end. */
function wordNumberAt(text: string, column: number): number {
  const words = Array.from(text.matchAll(/\S+/g));
  const holding = words.findIndex((w) => w.index <= column && column < w.index + w[0].length);
  return holding >= 0 ? holding + 1 : words.length + 1;
}

function attempt(
  text: string,
): { ok: true; value: ReturnType<typeof parseCondition> } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: parseCondition(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

describe("parseCondition on arbitrary text", () => {
  it("throws nothing but ConditionSyntaxError, naming a word and a position inside the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const outcome = attempt(text);
        if (outcome.ok) return;
        const { error } = outcome;
        expect(error).toBeInstanceOf(ConditionSyntaxError);
        const e = error as ConditionSyntaxError;
        expect(e.name).toBe("ConditionSyntaxError");
        expect(typeof e.message).toBe("string");
        expect(e.message.trim()).not.toBe("");
        expect(e.expected.trim()).not.toBe("");
        expect(e.text).toBe(text);
        expect(Number.isInteger(e.column)).toBe(true);
        expect(e.column).toBeGreaterThanOrEqual(0);
        expect(e.column).toBeLessThanOrEqual(text.length);
        if (e.word === "") {
          // Stopped too early: the position is the end of the text (or the start of an empty one).
          expect(e.column === text.length || text.trim() === "").toBe(true);
          expect(e.wordIndex).toBe(wordNumberAt(text, text.length));
        } else {
          expect(text.slice(e.column, e.column + e.word.length)).toBe(e.word);
          // The message quotes the word (a very long one only by its start).
          expect(e.message.toLowerCase()).toContain(e.word.slice(0, 60).toLowerCase());
          expect(e.wordIndex).toBe(wordNumberAt(text, e.column));
        }
      }),
      RUNS,
    );
  });

  it("whatever it does read prints canonically, reads back the same, and evaluates on any row without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(nearMiss, soup), row, (text, series) => {
        const outcome = attempt(text);
        if (!outcome.ok) return;
        const condition = outcome.value;
        expect(parseCondition(formatCondition(condition)), JSON.stringify(text)).toEqual(condition);
        const result = evaluateCondition(condition, series);
        expect(typeof result.matched).toBe("boolean");
        if (result.undetermined) expect(result.matched).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("parseRuleList on arbitrary text", () => {
  it("throws nothing but RuleListSyntaxError, with the clause number and the condition's own error", () => {
    const ruleText = fc
      .array(
        fc.tuple(
          fc.oneof(nearMiss, soup),
          fc.constantFrom(":", ": ", ""),
          fc.constantFrom("", "Label", "At-risk call"),
        ),
        {
          maxLength: 4,
        },
      )
      .chain((clauses) =>
        fc
          .constantFrom(";", "; ", "\n")
          .map((sep) => clauses.map(([c, colon, label]) => c + colon + label).join(sep)),
      );
    fc.assert(
      fc.property(ruleText, (text) => {
        try {
          parseRuleList(text);
        } catch (error) {
          expect(error).toBeInstanceOf(RuleListSyntaxError);
          const e = error as RuleListSyntaxError;
          expect(e.message.trim()).not.toBe("");
          expect(e.text).toBe(text);
          expect(Number.isInteger(e.clause)).toBe(true);
          expect(e.clause).toBeGreaterThanOrEqual(0);
          expect(e.clause).toBeLessThanOrEqual(text.split(/[;\n]/).length);
          if (e.conditionError) {
            expect(e.conditionError).toBeInstanceOf(ConditionSyntaxError);
            expect(e.message).toBe(`clause ${e.clause}: ${e.conditionError.message}`);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
