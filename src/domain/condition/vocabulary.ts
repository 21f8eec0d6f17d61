// The words of the condition language: comparison phrases, change verbs, targets, streak words (tables built on first use).

import { buildOnce } from "../build-once";
import type { Comparator, Direction, PeriodWord } from "./condition";
import { UNIT_SPELLINGS } from "./units";

/** A phrase (lower-case words) and what it means. */
export interface Phrase<T> {
  words: readonly string[];
  meaning: T;
}

const phrase = <T>(text: string, meaning: T): Phrase<T> => ({ words: text.split(" "), meaning });

/** Comparison phrases written before a number (`below 40%`, `at least 7`, `>= 3`). */
export const comparatorPhrases = buildOnce((): readonly Phrase<Comparator>[] => [
  ...["below", "under", "less than", "lower than", "fewer than", "smaller than", "<"].map((t) =>
    phrase(t, "<" as const),
  ),
  ...["at most", "no more than", "not more than", "no higher than", "not above", "max", "maximum", "up to"]
    .concat(["<=", "=<", "≤"])
    .map((t) => phrase(t, "<=" as const)),
  ...["above", "over", "more than", "greater than", "higher than", "larger than", "exceeds", ">"].map((t) =>
    phrase(t, ">" as const),
  ),
  ...["at least", "no less than", "not less than", "no lower than", "not below", "min", "minimum"]
    .concat([">=", "=>", "≥"])
    .map((t) => phrase(t, ">=" as const)),
  ...["equals", "equal to", "exactly", "=", "=="].map((t) => phrase(t, "=" as const)),
  ...["does not equal", "doesn't equal", "not equal to", "!=", "<>", "≠"].map((t) =>
    phrase(t, "!=" as const),
  ),
]);

/**
 * Phrases that, right after a change verb, give the size of the change (`drops more than 20`,
 * `drops >20`): the position words `below`/`above` there mean entering a zone instead.
 */
export const amountPhrases = buildOnce((): readonly Phrase<Exclude<Comparator, "!=">>[] => [
  ...["less than", "fewer than", "<"].map((t) => phrase(t, "<" as const)),
  ...["at most", "no more than", "not more than", "<=", "=<", "≤"].map((t) => phrase(t, "<=" as const)),
  ...["more than", "greater than", ">"].map((t) => phrase(t, ">" as const)),
  ...["at least", "no less than", "not less than", ">=", "=>", "≥"].map((t) => phrase(t, ">=" as const)),
  ...["exactly", "=", "=="].map((t) => phrase(t, "=" as const)),
]);

/** Phrases written after a number instead of before it (`90%+`, `20 or more`). */
export const suffixPhrases = buildOnce((): readonly Phrase<"<=" | ">=">[] => [
  ...["+", "or more", "or higher", "or greater", "or above", "or over"].map((t) => phrase(t, ">=" as const)),
  ...["or less", "or lower", "or fewer", "or below", "or under"].map((t) => phrase(t, "<=" as const)),
]);

/** Words for entering a zone after a change verb: `falls below 70`, `rises above 90`. */
export const CROSSING_WORDS: ReadonlyMap<string, "<" | ">"> = new Map([
  ["below", "<"],
  ["under", "<"],
  ["above", ">"],
  ["over", ">"],
]);

/** Change verbs in their usual forms. */
export const changeVerbs = buildOnce(
  (): ReadonlyMap<string, Direction> =>
    new Map<string, Direction>([
      ...["drops", "drop", "dropped", "falls", "fall", "fell", "declines", "decline", "declined"]
        .concat(["decreases", "decrease", "decreased", "dips", "dip", "dipped"])
        .map((verb): [string, Direction] => [verb, "down"]),
      ...["rises", "rise", "rose", "increases", "increase", "increased", "grows", "grow", "grew"]
        .concat(["climbs", "climb", "climbed"])
        .map((verb): [string, Direction] => [verb, "up"]),
    ]),
);

/** `misses target`, `meets the target`, `is off target` (the words before `target`). */
export const targetPhrases = buildOnce((): readonly Phrase<boolean>[] => [
  ...["misses", "miss", "missed", "fails", "does not meet", "doesn't meet", "off"].map((t) =>
    phrase(t, false),
  ),
  ...["meets", "meet", "met", "hits", "reaches", "on"].map((t) => phrase(t, true)),
]);

/** Words that may sit between a target verb and `target`. */
export const TARGET_ARTICLES: readonly string[] = ["the", "its", "their"];

/** Period words of a streak, singular and plural, and the canonical plural they stand for. */
export const periodWords = buildOnce(
  (): ReadonlyMap<string, PeriodWord> =>
    new Map<string, PeriodWord>(
      (["periods", "months", "reviews", "weeks", "quarters"] as const).flatMap(
        (plural): [string, PeriodWord][] => [
          [plural, plural],
          [plural.slice(0, -1), plural],
        ],
      ),
    ),
);

/** Optional words between the count and the period word of a streak. */
export const CONSECUTIVE_WORDS: readonly string[] = ["consecutive", "successive", "straight"];

/** Small numbers written as words in a streak (`for two consecutive periods`). */
export const numberWords = buildOnce(
  (): ReadonlyMap<string, number> =>
    new Map(
      ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"].map(
        (word, i): [string, number] => [word, i + 1],
      ),
    ),
);

/** Words meaning Yes and No after `is` (Yes/No cells also accept TRUE/FALSE and Y/N). */
export const YES_WORDS: readonly string[] = ["yes", "y", "true"];
export const NO_WORDS: readonly string[] = ["no", "n", "false"];
/** Words meaning an empty cell after `is`. */
export const BLANK_WORDS: readonly string[] = ["blank", "empty"];

/** Currency signs allowed (and ignored) before a number: `below $1,200`. */
export const CURRENCY_SIGNS: readonly string[] = ["$", "€", "£"];

/**
 * Every word the language uses. A word after a number that is neither a unit nor one of these is
 * reported as an unknown unit (`below 40 parsecs`).
 */
export const keywords = buildOnce(
  (): ReadonlySet<string> =>
    new Set([
      ...[comparatorPhrases(), amountPhrases(), suffixPhrases(), targetPhrases()].flatMap((phrases) =>
        phrases.flatMap((p) => p.words),
      ),
      ...UNIT_SPELLINGS.flatMap((s) => s.words),
      ...CROSSING_WORDS.keys(),
      ...changeVerbs().keys(),
      ...TARGET_ARTICLES,
      ...periodWords().keys(),
      ...CONSECUTIVE_WORDS,
      ...numberWords().keys(),
      ...YES_WORDS,
      ...NO_WORDS,
      ...BLANK_WORDS,
      ...["and", "or", "for", "by", "to", "is", "not", "between", "target", "in", "a", "row", "at"],
      ...["rolling", "any", "each", "during", "across", "within", "window"],
    ]),
);
