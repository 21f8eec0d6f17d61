// Reads a condition typed by a user (`below 40%`, `drops by more than 20`, ...) with a recursive-descent parser.

import { shortText } from "../cell-value";
import type {
  ClauseCondition,
  Condition,
  Direction,
  IsCondition,
  Quantity,
  StreakCondition,
} from "./condition";
import { ConditionSyntaxError } from "./condition-syntax-error";
import { type Token, tokenize, wordIndexAt } from "./tokenize";
import { convertDuration, formatAmount, matchUnit, UNIT_CHOICES, type Unit } from "./units";
import {
  amountPhrases,
  BLANK_WORDS,
  CONSECUTIVE_WORDS,
  CROSSING_WORDS,
  CURRENCY_SIGNS,
  changeVerbs,
  comparatorPhrases,
  keywords,
  NO_WORDS,
  numberWords,
  type Phrase,
  periodWords,
  suffixPhrases,
  TARGET_ARTICLES,
  targetPhrases,
  YES_WORDS,
} from "./vocabulary";

const EXPECT_NUMBER = "a number such as 40%, 4 hours or 7";
const EXPECT_CLAUSE = 'a condition such as "below 40%", "drops by more than 20", "misses target" or "is Yes"';
const EXPECT_END = '"and", "or", "for" or the end of the condition';
const EXPECT_IS = 'Yes, No, blank, a number or text in quotes such as "detected"';
const EXPECT_PERIODS =
  '"consecutive periods" (or months, reviews, weeks, quarters), e.g. "for 2 consecutive periods"';
const EXPECT_AMOUNT = "a positive amount such as 20, 10 points or 50%";
const EXPECT_WINDOW =
  'the length of the window in minutes, hours, days or weeks, e.g. "over any rolling 7 days"';

/** Words that start a rolling window after a comparison: `below 99.5% over any rolling 7 days`. */
const WINDOW_LEADS: readonly string[] = ["over", "in", "during", "across", "within"];
/** Words allowed between the lead and `rolling`. */
const WINDOW_ARTICLES: readonly string[] = ["any", "a", "each"];
/** Units a rolling window can be measured in (calendar time). */
const WINDOW_UNITS: readonly Unit[] = ["minutes", "hours", "days", "weeks"];

/**
 * Parses a condition. Case-insensitive and forgiving of extra spaces.
 * @throws {ConditionSyntaxError} naming the word it could not read and what was expected there.
 */
export function parseCondition(text: string): Condition {
  const source = typeof text === "string" ? text : String(text ?? "");
  if (source.trim() === "") {
    const expected = 'something like "below 40%"';
    throw new ConditionSyntaxError(`the condition is empty: expected ${expected}`, {
      text: source,
      word: "",
      wordIndex: 1,
      column: 0,
      expected,
    });
  }
  return new ConditionParser(source, tokenize(source)).parse();
}

/** A quantity as parsed, remembering whether the unit was written (for `between 60 and 80%`). */
interface ParsedQuantity {
  quantity: Quantity;
  unitWritten: boolean;
  first: Token;
}

/** Recursive-descent parser over the tokens of one condition. */
class ConditionParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Condition {
    const condition = this.parseOr();
    if (this.peek()) this.fail(this.peek(), EXPECT_END);
    return condition;
  }

  // condition := and-list ("or" and-list)*
  private parseOr(): Condition {
    const parts = [this.parseAnd()];
    while (this.acceptWord("or")) parts.push(this.parseAnd());
    return parts.length === 1 ? parts[0] : { kind: "any", conditions: parts };
  }

  // and-list := clause ("and" clause)*
  private parseAnd(): Condition {
    const parts = [this.parseClause()];
    while (this.acceptWord("and")) parts.push(this.parseClause());
    return parts.length === 1 ? parts[0] : { kind: "all", conditions: parts };
  }

  // clause := base [window] ["for" count ["consecutive"] period-word ["in a row"]]
  private parseClause(): Condition {
    const condition = this.parseWindow(this.parseBase());
    const forToken = this.peek();
    if (!this.acceptWord("for")) return condition;
    const countToken = this.peek();
    const count =
      countToken?.kind === "number"
        ? (countToken.value as number)
        : numberWords().get(countToken?.lower ?? "");
    if (count === undefined) {
      const expected = 'a number of consecutive periods, e.g. "for 2 consecutive periods"';
      throw this.error(`"for" must be followed by ${expected}`, forToken!, expected);
    }
    if (!Number.isInteger(count) || count < 1) this.fail(countToken, "a whole number of periods such as 2");
    this.position++;
    while (CONSECUTIVE_WORDS.includes(this.peek()?.lower ?? "")) this.position++;
    const periodWord = periodWords().get(this.peek()?.lower ?? "");
    if (periodWord === undefined) this.fail(this.peek(), EXPECT_PERIODS);
    this.position++;
    this.acceptWords(["in", "a", "row"]);
    if (this.peek()?.lower === "for")
      this.fail(this.peek(), '"and", "or" or the end of the condition (one "for" per clause)');
    const streak: StreakCondition = { kind: "streak", condition, periods: count, periodWord };
    return streak;
  }

  // window := ("over" | "in" | "during" | "across") ["any" | "a" | "each"] "rolling" [count] unit ["period" | "window"]
  private parseWindow(base: ClauseCondition): ClauseCondition {
    const lead = this.peek();
    if (!lead || !this.startsWindow()) return base;
    const bounded =
      (base.kind === "compare" && ["<", "<=", ">", ">="].includes(base.comparator)) || base.kind === "target";
    const phrase = `${lead.lower} any rolling 7 days`;
    if (!bounded) {
      const expected = `a comparison before "${phrase}", such as "below 99.5% ${phrase}" or "misses target ${phrase}"`;
      throw this.error(
        `"${shortText(lead.source)}" (word ${lead.wordIndex} of "${shortText(this.text.trim())}") starts a rolling window, which needs ${expected}`,
        lead,
        expected,
      );
    }
    this.position++;
    if (WINDOW_ARTICLES.includes(this.peek()?.lower ?? "")) this.position++;
    if (!this.acceptWord("rolling")) this.fail(this.peek(), `"rolling", e.g. "${phrase}"`);
    const countToken = this.peek();
    let amount = 1;
    if (countToken?.kind === "number") {
      amount = countToken.value as number;
      this.position++;
    } else if (countToken && numberWords().has(countToken.lower)) {
      amount = numberWords().get(countToken.lower) as number;
      this.position++;
    }
    if (this.peek()?.lower === "-" && countToken !== this.peek()) this.position++;
    const unitToken = this.peek();
    const lowers = this.tokens
      .slice(this.position, this.position + 3)
      .map((t) => (t.kind === "text" ? "" : t.lower));
    const match = matchUnit(lowers);
    if (!match || !WINDOW_UNITS.includes(match.unit)) this.fail(unitToken, EXPECT_WINDOW);
    if (!(amount > 0) || !Number.isFinite(amount)) this.fail(countToken, EXPECT_WINDOW);
    const minutes = convertDuration(amount, match.unit, "minutes") as number;
    if (!Number.isInteger(Number(minutes.toPrecision(12)))) this.fail(countToken, EXPECT_WINDOW);
    this.position += match.length;
    if (["period", "window"].includes(this.peek()?.lower ?? "")) this.position++;
    return { kind: "rolling", condition: base, length: { amount, unit: match.unit } };
  }

  /** True at `over any …`, `in a rolling …`, `during rolling …`: the start of a rolling window. */
  private startsWindow(): boolean {
    const lead = this.peek();
    if (lead?.kind !== "word" || !WINDOW_LEADS.includes(lead.lower)) return false;
    const next = this.tokens[this.position + 1]?.lower ?? "";
    return WINDOW_ARTICLES.includes(next) || next === "rolling";
  }

  private parseBase(): ClauseCondition {
    const token = this.peek();
    if (!token) return this.fail(token, EXPECT_CLAUSE);
    if (token.lower === "between") return this.parseBetween();
    const target = this.acceptTarget();
    if (target !== undefined) return { kind: "target", meets: target };
    if (token.lower === "is") return this.parseIs();
    const direction = changeVerbs().get(token.lower);
    if (token.kind === "word" && direction !== undefined) {
      this.position++;
      return this.parseChange(direction, token);
    }
    const comparator = this.acceptPhrase(comparatorPhrases());
    if (comparator !== undefined)
      return { kind: "compare", comparator, quantity: this.parseQuantity().quantity };
    if (this.startsQuantity()) return this.parseSuffixComparison();
    return this.fail(token, EXPECT_CLAUSE);
  }

  // `90%+`, `20 or more`; a bare `100%` needs a comparison.
  private parseSuffixComparison(): ClauseCondition {
    const parsed = this.parseQuantity();
    const comparator = this.acceptSuffix();
    if (comparator !== undefined) return { kind: "compare", comparator, quantity: parsed.quantity };
    const written = formatAmount(parsed.quantity.amount, parsed.quantity.unit);
    const last = this.tokens[this.position - 1];
    const typed = this.text.slice(parsed.first.column, last.column + last.source.length);
    const expected = `a comparison: write "at least ${written}", "below ${written}" or "equals ${written}"`;
    throw new ConditionSyntaxError(
      `"${shortText(typed)}" (word ${parsed.first.wordIndex} of "${shortText(this.text.trim())}") needs ${expected}`,
      {
        text: this.text,
        word: typed,
        wordIndex: parsed.first.wordIndex,
        column: parsed.first.column,
        expected,
      },
    );
  }

  // between := "between" quantity "and" quantity  (a unit written on one end applies to both)
  private parseBetween(): ClauseCondition {
    this.position++;
    const low = this.parseQuantity();
    if (!this.acceptWord("and"))
      this.fail(this.peek(), '"and" and the upper end, e.g. "between 60% and 80%"');
    const high = this.parseQuantity();
    if (!low.unitWritten) low.quantity.unit = high.quantity.unit;
    if (!high.unitWritten) high.quantity.unit = low.quantity.unit;
    if (low.quantity.unit !== high.quantity.unit)
      this.fail(
        high.first,
        `the same unit at both ends, e.g. "between ${formatAmount(low.quantity.amount, low.quantity.unit)} and …"`,
      );
    return { kind: "between", low: low.quantity, high: high.quantity };
  }

  // is := "is" (comparison | ["not"] number | ["not"] (Yes | No | blank | "text" | word))
  private parseIs(): ClauseCondition {
    this.position++;
    const target = this.acceptTarget();
    if (target !== undefined) return { kind: "target", meets: target };
    const comparator = this.acceptPhrase(comparatorPhrases());
    if (comparator !== undefined)
      return { kind: "compare", comparator, quantity: this.parseQuantity().quantity };
    const negated = this.acceptWord("not");
    if (this.startsQuantity())
      return { kind: "compare", comparator: negated ? "!=" : "=", quantity: this.parseQuantity().quantity };
    const token = this.peek();
    const is = (test: IsCondition["test"]): IsCondition => {
      this.position++;
      return { kind: "is", negated, test };
    };
    if (token?.kind === "text") {
      const text = token.value as string;
      return is(text.trim() === "" ? { type: "blank" } : { type: "text", text });
    }
    if (token?.kind === "word") {
      if (YES_WORDS.includes(token.lower)) return is({ type: "yes" });
      if (NO_WORDS.includes(token.lower)) return is({ type: "no" });
      if (BLANK_WORDS.includes(token.lower)) return is({ type: "blank" });
      if (!keywords().has(token.lower)) return is({ type: "text", text: token.source });
    }
    return this.fail(token, EXPECT_IS);
  }

  // change := verb ["by" amount | amount-phrase quantity | ("below"|"above") quantity | "to" comparison]
  private parseChange(direction: Direction, verb: Token): ClauseCondition {
    if (this.acceptWord("by")) return { kind: "change", direction, amount: this.parseAmount() };
    if (this.peekPhrase(amountPhrases()) !== undefined)
      return { kind: "change", direction, amount: this.parseAmount() };
    // `declines over any rolling 7 days`: the window's own check says what is wrong.
    if (this.startsWindow()) return { kind: "change", direction };
    const token = this.peek();
    const crossing = token && CROSSING_WORDS.get(token.lower);
    if (crossing !== undefined) {
      if ((crossing === "<") !== (direction === "down"))
        this.fail(token, this.expectAfterVerb(verb, direction));
      this.position++;
      return { kind: "cross", direction, comparator: crossing, quantity: this.parseQuantity().quantity };
    }
    if (this.acceptWord("to")) {
      const comparatorToken = this.peek();
      const comparator = this.acceptPhrase(comparatorPhrases());
      const allowed = direction === "down" ? ["<", "<="] : [">", ">="];
      if (comparator === undefined || !allowed.includes(comparator)) {
        const example = direction === "down" ? '"at most"' : '"at least"';
        this.fail(
          comparatorToken,
          `${example} and a number, e.g. "${verb.lower} to ${example.slice(1, -1)} 70"`,
        );
      }
      const quantity = this.parseQuantity().quantity;
      return { kind: "cross", direction, comparator: comparator as "<" | "<=" | ">" | ">=", quantity };
    }
    if (token && !["and", "or", "for"].includes(token.lower))
      this.fail(token, this.expectAfterVerb(verb, direction));
    return { kind: "change", direction };
  }

  private expectAfterVerb(verb: Token, direction: Direction): string {
    return direction === "down"
      ? `"by", "below" or the end of the condition, e.g. "${verb.lower} by more than 20" or "${verb.lower} below 70"`
      : `"by", "above" or the end of the condition, e.g. "${verb.lower} by 50%" or "${verb.lower} above 90"`;
  }

  // amount := amount-phrase quantity | quantity [suffix]   (a bare amount means "at least")
  private parseAmount(): NonNullable<Extract<ClauseCondition, { kind: "change" }>["amount"]> {
    const comparator = this.acceptPhrase(amountPhrases());
    const parsed = this.parseQuantity();
    const resolved = comparator ?? this.acceptSuffix() ?? ">=";
    if (parsed.quantity.amount < 0) this.fail(parsed.first, EXPECT_AMOUNT);
    return { comparator: resolved, quantity: parsed.quantity };
  }

  // quantity := [currency] number [unit]
  private parseQuantity(): ParsedQuantity {
    if (CURRENCY_SIGNS.includes(this.peek()?.lower ?? "")) this.position++;
    const token = this.peek();
    if (token?.kind !== "number") return this.fail(token, EXPECT_NUMBER);
    const amount = token.value as number;
    if (!Number.isFinite(amount)) {
      throw this.error(
        `"${shortText(token.source)}" (word ${token.wordIndex} of "${shortText(this.text.trim())}") is not a usable number: expected ${EXPECT_NUMBER}`,
        token,
        EXPECT_NUMBER,
      );
    }
    this.position++;
    const unit = this.acceptUnit();
    return { quantity: { amount, unit: unit ?? "number" }, unitWritten: unit !== undefined, first: token };
  }

  private acceptUnit(): Unit | undefined {
    const lowers = this.tokens
      .slice(this.position, this.position + 3)
      .map((t) => (t.kind === "text" ? "" : t.lower));
    const match = matchUnit(lowers);
    if (match) {
      this.position += match.length;
      return match.unit;
    }
    const token = this.peek();
    if (token?.kind === "word" && !keywords().has(token.lower)) {
      const expected = UNIT_CHOICES;
      throw this.error(
        `unknown unit "${shortText(token.source)}" (word ${token.wordIndex} of "${shortText(this.text.trim())}"): expected ${expected}`,
        token,
        expected,
      );
    }
    return undefined;
  }

  private acceptSuffix(): "<=" | ">=" | undefined {
    const start = this.position;
    const comparator = this.acceptPhrase(suffixPhrases());
    // `below 5 or above 10` is two clauses, not `5 or above`.
    if (comparator !== undefined && this.tokens[this.position - 1].lower !== "+" && this.startsQuantity()) {
      this.position = start;
      return undefined;
    }
    return comparator;
  }

  private acceptTarget(): boolean | undefined {
    const start = this.position;
    const meets = this.acceptPhrase(targetPhrases());
    if (meets === undefined) return undefined;
    if (TARGET_ARTICLES.includes(this.peek()?.lower ?? "")) this.position++;
    if (this.acceptWord("target")) return meets;
    const after = this.peek();
    // `misses`/`meets` can only go on to `target`; `on`/`off` may start something else.
    if (["on", "off"].includes(this.tokens[start].lower)) {
      this.position = start;
      return undefined;
    }
    return this.fail(after, '"target", e.g. "misses target"');
  }

  private startsQuantity(): boolean {
    const token = this.peek();
    if (CURRENCY_SIGNS.includes(token?.lower ?? "")) return this.tokens[this.position + 1]?.kind === "number";
    return token?.kind === "number";
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private acceptWord(word: string): boolean {
    const token = this.peek();
    if (token?.kind !== "word" || token.lower !== word) return false;
    this.position++;
    return true;
  }

  private acceptWords(words: string[]): boolean {
    const matches = words.every((word, i) => {
      const token = this.tokens[this.position + i];
      return token?.kind === "word" && token.lower === word;
    });
    if (matches) this.position += words.length;
    return matches;
  }

  private peekPhrase<T>(phrases: readonly Phrase<T>[]): Phrase<T> | undefined {
    let best: Phrase<T> | undefined;
    for (const candidate of phrases) {
      if (best && best.words.length >= candidate.words.length) continue;
      const matches = candidate.words.every((word, i) => {
        const token = this.tokens[this.position + i];
        return token !== undefined && token.kind !== "text" && token.lower === word;
      });
      if (matches) best = candidate;
    }
    return best;
  }

  private acceptPhrase<T>(phrases: readonly Phrase<T>[]): T | undefined {
    const match = this.peekPhrase(phrases);
    if (match) this.position += match.words.length;
    return match?.meaning;
  }

  private error(message: string, token: Token, expected: string): ConditionSyntaxError {
    return new ConditionSyntaxError(message, {
      text: this.text,
      word: token.source,
      wordIndex: token.wordIndex,
      column: token.column,
      expected,
    });
  }

  private fail(token: Token | undefined, expected: string): never {
    if (token) {
      throw this.error(
        `could not read "${shortText(token.source)}" (word ${token.wordIndex} of "${shortText(this.text.trim())}"): expected ${expected}`,
        token,
        expected,
      );
    }
    const last = this.tokens[this.tokens.length - 1];
    const lastWord = last ? this.text.slice(last.column).trim() : "";
    throw new ConditionSyntaxError(
      `the condition stops after "${shortText(lastWord)}": expected ${expected}`,
      {
        text: this.text,
        word: "",
        wordIndex: wordIndexAt(this.text, this.text.length),
        column: this.text.length,
        expected,
      },
    );
  }
}
