// Reading conditions as a CS manager types them, and the errors that point at the word that could not be read.
import { describe, expect, it } from "vitest";
import {
  type Condition,
  ConditionSyntaxError,
  formatCondition,
  parseCondition,
} from "../../../src/domain/condition";

/** Each form the seeds and the spec use, with the canonical text it stands for. */
const FORMS: Array<[typed: string, canonical: string]> = [
  ["below 40%", "below 40%"],
  ["< 25%", "below 25%"],
  ["<25%", "below 25%"],
  ["at least 99.9%", "at least 99.9%"],
  ["above 4 hours", "above 4 hours"],
  ["> 48 hours", "above 48 hours"],
  ["below 6", "below 6"],
  ["at most 0", "at most 0"],
  ["<= 2", "at most 2"],
  ["≤ 2", "at most 2"],
  [">= 3", "at least 3"],
  ["= 100%", "equals 100%"],
  ["under 2 seconds", "below 2 seconds"],
  ["over 3", "above 3"],
  ["more than 5", "above 5"],
  ["less than 4.5", "below 4.5"],
  ["equals 100%", "equals 100%"],
  ["does not equal 0", "does not equal 0"],
  ["90%+", "at least 90%"],
  ["7+", "at least 7"],
  ["$500+", "at least 500"],
  ["below $1,200", "below 1200"],
  ["20 or more", "at least 20"],
  ["4 hours or less", "at most 4 hours"],
  ["at least 99.9 percent", "at least 99.9%"],
  ["< 500ms", "below 500 milliseconds"],
  ["above 30 sec", "above 30 seconds"],
  ["above 15 mins", "above 15 minutes"],
  ["above 4 hrs", "above 4 hours"],
  ["above 4 h", "above 4 hours"],
  ["above 1 hr", "above 1 hour"],
  ["above 3 days", "above 3 days"],
  ["above 5 business days", "above 5 business days"],
  ["above 2 weeks", "above 2 weeks"],
  ["below 70 points", "below 70 points"],
  ["between 60 and 80%", "between 60% and 80%"],
  ["misses target", "misses target"],
  ["misses the target", "misses target"],
  ["meets target", "meets target"],
  ["is off target", "misses target"],
  ["drops by more than 20", "drops by more than 20"],
  ["drops >20 points", "drops by more than 20 points"],
  ["drops by 20 or more", "drops by at least 20"],
  ["falls by at least 10 points", "drops by at least 10 points"],
  ["rises by 50%", "rises by at least 50%"],
  ["increases by more than 0.1", "rises by more than 0.1"],
  ["drops by 5 percentage points", "drops by at least 5 percentage points"],
  ["declines", "declines"],
  ["rises", "rises"],
  ["falls below 70", "falls below 70"],
  ["drops below 50", "falls below 50"],
  ["rises above 90", "rises above 90"],
  ["falls to at most 49", "falls to at most 49"],
  ["below 100% for 2 consecutive periods", "below 100% for 2 consecutive periods"],
  ["declines for 3 consecutive periods", "declines for 3 consecutive periods"],
  ["rises for 2 consecutive periods", "rises for 2 consecutive periods"],
  ["below 100% for two consecutive reviews", "below 100% for 2 consecutive reviews"],
  ["misses target for 2 months in a row", "misses target for 2 consecutive months"],
  ["is Yes for 2 consecutive weeks", "is Yes for 2 consecutive weeks"],
  ["is Yes", "is Yes"],
  ["is TRUE", "is Yes"],
  ["is No", "is No"],
  ["is not blank", "is not blank"],
  ["is blank", "is blank"],
  ["is empty", "is blank"],
  ['is "some text"', 'is "some text"'],
  ["is “detected”", 'is "detected"'],
  ["is detected", 'is "detected"'],
  ["is at least 7", "at least 7"],
  ["is 100%", "equals 100%"],
  ["is not 0", "does not equal 0"],
  ["below 40% and drops by more than 5 pp", "below 40% and drops by more than 5 percentage points"],
  ["below 5 or above 10", "below 5 or above 10"],
];

describe("parseCondition reads every form a CS manager writes", () => {
  it.each(FORMS)("%s means %s", (typed, canonical) => {
    expect(formatCondition(parseCondition(typed))).toBe(canonical);
  });

  it("ignores case and extra spaces", () => {
    expect(parseCondition("  BELOW   40 %  ")).toEqual(parseCondition("below 40%"));
    expect(parseCondition("Declines  FOR 3 Consecutive Periods")).toEqual(
      parseCondition("declines for 3 consecutive periods"),
    );
    expect(parseCondition("below 40%.")).toEqual(parseCondition("below 40%"));
  });

  it("keeps the number as written and its unit, so 25% stands for the fraction 0.25", () => {
    expect(parseCondition("< 25%")).toEqual({
      kind: "compare",
      comparator: "<",
      quantity: { amount: 25, unit: "percent" },
    });
    expect(parseCondition("above 4 hours")).toEqual({
      kind: "compare",
      comparator: ">",
      quantity: { amount: 4, unit: "hours" },
    });
  });

  it("reads a streak as a clause repeated over consecutive periods", () => {
    const expected: Condition = {
      kind: "streak",
      condition: { kind: "change", direction: "down" },
      periods: 3,
      periodWord: "periods",
    };
    expect(parseCondition("declines for 3 consecutive periods")).toEqual(expected);
  });

  it("binds 'and' tighter than 'or', and 'for' to the clause just before it", () => {
    expect(parseCondition("below 5 and is Yes or misses target for 2 periods")).toEqual({
      kind: "any",
      conditions: [
        {
          kind: "all",
          conditions: [
            { kind: "compare", comparator: "<", quantity: { amount: 5, unit: "number" } },
            { kind: "is", negated: false, test: { type: "yes" } },
          ],
        },
        { kind: "streak", condition: { kind: "target", meets: false }, periods: 2, periodWord: "periods" },
      ],
    });
  });

  it("reads quoted text with its case and doubled quotes", () => {
    expect(parseCondition('is "Said ""no"""')).toEqual({
      kind: "is",
      negated: false,
      test: { type: "text", text: 'Said "no"' },
    });
  });
});

/** Text, the exact message, and the word it points at. */
const ERRORS: Array<[text: string, message: string, word: string, wordIndex: number]> = [
  ["", 'the condition is empty: expected something like "below 40%"', "", 1],
  ["   ", 'the condition is empty: expected something like "below 40%"', "", 1],
  [
    "below blah",
    'could not read "blah" (word 2 of "below blah"): expected a number such as 40%, 4 hours or 7',
    "blah",
    2,
  ],
  [
    "below 40% for",
    '"for" must be followed by a number of consecutive periods, e.g. "for 2 consecutive periods"',
    "for",
    3,
  ],
  [
    "below 40 parsecs",
    'unknown unit "parsecs" (word 3 of "below 40 parsecs"): expected %, points, percentage points, ms, seconds, minutes, hours, days, business days or weeks',
    "parsecs",
    3,
  ],
  [
    "below NaN",
    '"NaN" (word 2 of "below NaN") is not a usable number: expected a number such as 40%, 4 hours or 7',
    "NaN",
    2,
  ],
  [
    "above Infinity hours",
    '"Infinity" (word 2 of "above Infinity hours") is not a usable number: expected a number such as 40%, 4 hours or 7',
    "Infinity",
    2,
  ],
  [
    "at least 1e999",
    '"1e999" (word 3 of "at least 1e999") is not a usable number: expected a number such as 40%, 4 hours or 7',
    "1e999",
    3,
  ],
  [
    "100%",
    '"100%" (word 1 of "100%") needs a comparison: write "at least 100%", "below 100%" or "equals 100%"',
    "100%",
    1,
  ],
  [
    "blah",
    'could not read "blah" (word 1 of "blah"): expected a condition such as "below 40%", "drops by more than 20", "misses target" or "is Yes"',
    "blah",
    1,
  ],
  [
    "MAU below 25%",
    'could not read "MAU" (word 1 of "MAU below 25%"): expected a condition such as "below 40%", "drops by more than 20", "misses target" or "is Yes"',
    "MAU",
    1,
  ],
  ["below", 'the condition stops after "below": expected a number such as 40%, 4 hours or 7', "", 2],
  ["misses the", 'the condition stops after "the": expected "target", e.g. "misses target"', "", 3],
  [
    "drops sharply",
    'could not read "sharply" (word 2 of "drops sharply"): expected "by", "below" or the end of the condition, e.g. "drops by more than 20" or "drops below 70"',
    "sharply",
    2,
  ],
  [
    "rises below 5",
    'could not read "below" (word 2 of "rises below 5"): expected "by", "above" or the end of the condition, e.g. "rises by 50%" or "rises above 90"',
    "below",
    2,
  ],
  [
    "falls to above 5",
    'could not read "above" (word 3 of "falls to above 5"): expected "at most" and a number, e.g. "falls to at most 70"',
    "above",
    3,
  ],
  [
    "drops by -5",
    'could not read "-5" (word 3 of "drops by -5"): expected a positive amount such as 20, 10 points or 50%',
    "-5",
    3,
  ],
  [
    "below 40% for 1.5 periods",
    'could not read "1.5" (word 4 of "below 40% for 1.5 periods"): expected a whole number of periods such as 2',
    "1.5",
    4,
  ],
  [
    "below 40% for 2 fortnights",
    'could not read "fortnights" (word 5 of "below 40% for 2 fortnights"): expected "consecutive periods" (or months, reviews, weeks, quarters), e.g. "for 2 consecutive periods"',
    "fortnights",
    5,
  ],
  [
    "below 40% for two",
    'the condition stops after "two": expected "consecutive periods" (or months, reviews, weeks, quarters), e.g. "for 2 consecutive periods"',
    "",
    5,
  ],
  [
    "below 40% for 2 periods for 3 periods",
    'could not read "for" (word 6 of "below 40% for 2 periods for 3 periods"): expected "and", "or" or the end of the condition (one "for" per clause)',
    "for",
    6,
  ],
  [
    'is "open',
    'the text "open (word 2 of "is "open") has no closing quote: expected text in quotes such as "detected"',
    '"open',
    2,
  ],
  [
    "is not",
    'the condition stops after "not": expected Yes, No, blank, a number or text in quotes such as "detected"',
    "",
    3,
  ],
  [
    "between 5% and 4 hours",
    'could not read "4" (word 4 of "between 5% and 4 hours"): expected the same unit at both ends, e.g. "between 5% and …"',
    "4",
    4,
  ],
  [
    "below 40% and",
    'the condition stops after "and": expected a condition such as "below 40%", "drops by more than 20", "misses target" or "is Yes"',
    "",
    4,
  ],
  [
    "below 40% at month 3",
    'could not read "at" (word 3 of "below 40% at month 3"): expected "and", "or", "for" or the end of the condition',
    "at",
    3,
  ],
  ["> > 5", 'could not read ">" (word 2 of "> > 5"): expected a number such as 40%, 4 hours or 7', ">", 2],
];

describe("parseCondition says which word it could not read and what it expected", () => {
  it.each(ERRORS)("%j", (text, message, word, wordIndex) => {
    let caught: unknown;
    try {
      parseCondition(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConditionSyntaxError);
    const error = caught as ConditionSyntaxError;
    expect(error.message).toBe(message);
    expect(error.text).toBe(text);
    expect(error.word).toBe(word);
    expect(error.wordIndex).toBe(wordIndex);
    expect(error.expected).not.toBe("");
  });

  it("gives the 0-based column of the word, counting the spaces as typed", () => {
    const error = captureError("at least   ninety %");
    expect(error.column).toBe(11);
    expect(error.word).toBe("ninety");
    expect(error.wordIndex).toBe(3);
    expect(error.expected).toBe("a number such as 40%, 4 hours or 7");
  });

  it("points at the end of the text when the condition stops too early", () => {
    const error = captureError("below ");
    expect(error.column).toBe(6);
    expect(error.word).toBe("");
  });
});

function captureError(text: string): ConditionSyntaxError {
  try {
    parseCondition(text);
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}
