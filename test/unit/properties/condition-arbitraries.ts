// fast-check generators of condition text as a CS manager types it, each with the condition it must parse to.
import fc from "fast-check";
import type { CellValue } from "../../../src/domain/cell-value";
import type {
  ClauseCondition,
  Comparator,
  Condition,
  Direction,
  IsTest,
  PeriodWord,
  Quantity,
  Unit,
} from "../../../src/domain/condition";
import { keywords } from "../../../src/domain/condition/vocabulary";

/** A condition as typed and the parsed form it stands for. */
export interface Written<T extends Condition = Condition> {
  text: string;
  condition: T;
}

/** A clause as typed, with the same clause spelled with an explicit amount phrase when it ends in a bare amount. */
interface WrittenClause extends Written {
  /** Set for `drops by 20`: followed by `or more than …` it would read as `drops by 20 or more`. */
  explicit?: string;
}

// ---------------------------------------------------------------------------------------------
// Spelling helpers

const GAPS = [" ", " ", " ", "  ", "\t", " \t "];
const gap = fc.constantFrom(...GAPS);

/** Joins the parts with one run of random white space between each two. */
function spaced(...parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.tuple(...parts), fc.array(gap, { minLength: parts.length, maxLength: parts.length }))
    .map(([texts, gaps]) => texts.map((t, i) => (i === 0 ? t : gaps[i] + t)).join(""));
}

/** A keyword in lower case, upper case or capitalised: the language ignores case. */
const cased = (word: string): fc.Arbitrary<string> =>
  fc.constantFrom(word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1));
const oneOf = (options: readonly string[]): fc.Arbitrary<string> => fc.constantFrom(...options).chain(cased);
const isSymbol = (text: string) => !/[a-z]/i.test(text);

// ---------------------------------------------------------------------------------------------
// Numbers and units

interface WrittenNumber {
  text: string;
  amount: number;
}

const withThousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A non-negative number as typed: `7`, `1,200`, `99.9`, `.5`. */
const nonNegative: fc.Arbitrary<WrittenNumber> = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => ({ text: String(n), amount: n })),
  fc
    .integer({ min: 1000, max: 9_999_999 })
    .chain((n) => fc.constantFrom(String(n), withThousands(n)).map((text) => ({ text, amount: n }))),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.stringMatching(/^\d{1,3}$/)).map(([whole, fraction]) => {
    const text = `${whole}.${fraction}`;
    return { text, amount: Number(text) };
  }),
  fc
    .stringMatching(/^\d{1,2}$/)
    .map((fraction) => ({ text: `.${fraction}`, amount: Number(`.${fraction}`) })),
);
/** Any number as typed, negative ones too (`below -5%`). */
const anyNumber: fc.Arbitrary<WrittenNumber> = fc.oneof(
  { weight: 4, arbitrary: nonNegative },
  { weight: 1, arbitrary: nonNegative.map((n) => ({ text: `-${n.text}`, amount: -n.amount || 0 })) },
);

/** Every spelling of each unit the parser knows (`number` is written without a unit). */
const UNIT_SPELLINGS: Readonly<Record<Unit, readonly string[]>> = {
  number: [""],
  points: ["points", "point", "pts", "pt"],
  percent: ["%", "percent", "pct"],
  percentagePoints: ["percentage points", "percentage point", "percentage pts", "pp"],
  milliseconds: ["ms", "msec", "milliseconds", "millisecond"],
  seconds: ["s", "sec", "secs", "second", "seconds"],
  minutes: ["min", "mins", "minute", "minutes"],
  hours: ["h", "hr", "hrs", "hour", "hours"],
  days: ["d", "day", "days", "calendar days"],
  businessDays: ["business days", "business day", "working days"],
  weeks: ["wk", "wks", "week", "weeks"],
};
const ALL_UNITS = Object.keys(UNIT_SPELLINGS) as Unit[];
const unit = fc.constantFrom(...ALL_UNITS);

/** A number followed by a spelling of `u`, glued (`40%`, `4h`) or spaced (`4 hours`). */
/** A quantity as typed and as parsed. */
interface WrittenQuantity {
  text: string;
  quantity: Quantity;
}

function quantityText(number: fc.Arbitrary<WrittenNumber>, u: Unit): fc.Arbitrary<WrittenQuantity> {
  const currency = u === "number" ? fc.constantFrom("", "", "$", "$ ", "€", "£") : fc.constant("");
  return fc
    .tuple(number, oneOf(UNIT_SPELLINGS[u]), fc.boolean(), gap, currency)
    .map(([n, spelling, glued, space, sign]) => {
      const signed = n.amount < 0 ? "" : sign;
      const text = spelling === "" ? n.text : `${n.text}${glued ? "" : space}${spelling}`;
      return { text: `${signed}${text}`, quantity: { amount: n.amount, unit: u } };
    });
}
const quantity = (number: fc.Arbitrary<WrittenNumber>) => unit.chain((u) => quantityText(number, u));

// ---------------------------------------------------------------------------------------------
// Comparisons: `below 40%`, `< 25%`, `is at least 7`, `90%+`, `20 or more`

const COMPARATOR_SPELLINGS: Readonly<Record<Comparator, readonly string[]>> = {
  "<": ["below", "under", "less than", "lower than", "fewer than", "smaller than", "<"],
  "<=": [
    "at most",
    "no more than",
    "not more than",
    "no higher than",
    "not above",
    "max",
    "maximum",
    "up to",
  ].concat(["<=", "=<", "≤"]),
  ">": ["above", "over", "more than", "greater than", "higher than", "larger than", "exceeds", ">"],
  ">=": ["at least", "no less than", "not less than", "no lower than", "not below", "min", "minimum"].concat([
    ">=",
    "=>",
    "≥",
  ]),
  "=": ["equals", "equal to", "exactly", "=", "=="],
  "!=": ["does not equal", "doesn't equal", "doesn’t equal", "not equal to", "!=", "<>", "≠"],
};
/** `is 7`, `is not 7`: a number straight after `is`. */
const IS_COMPARATOR: Partial<Record<Comparator, string>> = { "=": "is", "!=": "is not" };
const comparator = fc.constantFrom<Comparator>("<", "<=", ">", ">=", "=", "!=");

/** A comparison phrase and a number after it, glued when the phrase is a symbol (`<25%`). */
function prefixed(phrase: fc.Arbitrary<string>, q: fc.Arbitrary<WrittenQuantity>) {
  return fc.tuple(phrase, q, fc.boolean(), gap).map(([p, { text, quantity }, glue, space]) => ({
    text: `${p}${glue && isSymbol(p) ? "" : space}${text}`,
    quantity,
  }));
}

const compare: fc.Arbitrary<WrittenClause> = comparator.chain((c) => {
  const spellings = [
    oneOf(COMPARATOR_SPELLINGS[c]),
    spaced(cased("is"), oneOf(COMPARATOR_SPELLINGS[c])),
    ...(IS_COMPARATOR[c] ? [spaced(...IS_COMPARATOR[c].split(" ").map(cased))] : []),
  ];
  return prefixed(fc.oneof(...spellings), quantity(anyNumber)).map(({ text, quantity }) => ({
    text,
    condition: { kind: "compare", comparator: c, quantity },
  }));
});

const SUFFIXES: Readonly<Record<"<=" | ">=", readonly string[]>> = {
  ">=": ["+", "or more", "or higher", "or greater", "or above", "or over"],
  "<=": ["or less", "or lower", "or fewer", "or below", "or under"],
};
const suffixed: fc.Arbitrary<WrittenClause> = fc.constantFrom<"<=" | ">=">("<=", ">=").chain((c) =>
  fc
    .tuple(quantity(anyNumber), oneOf(SUFFIXES[c]), fc.boolean(), gap)
    .map(([{ text, quantity }, suffix, glue, space]) => ({
      text: `${text}${glue && suffix === "+" ? "" : space}${suffix}`,
      condition: { kind: "compare", comparator: c, quantity },
    })),
);

// `between 60% and 80%`, `between 60 and 80%`: a unit written at one end applies to both.
const between: fc.Arbitrary<WrittenClause> = fc
  .tuple(unit, fc.constantFrom("both", "low", "high"))
  .chain(([u, written]) => {
    const end = (withUnit: boolean) =>
      withUnit
        ? quantityText(anyNumber, u)
        : anyNumber.map((n) => ({ text: n.text, quantity: { amount: n.amount, unit: u } }));
    return fc
      .tuple(cased("between"), end(written !== "high"), cased("and"), end(written !== "low"), gap, gap, gap)
      .map(([b, low, and, high, g1, g2, g3]) => ({
        text: `${b}${g1}${low.text}${g2}${and}${g3}${high.text}`,
        condition: { kind: "between", low: low.quantity, high: high.quantity },
      }));
  });

// ---------------------------------------------------------------------------------------------
// The target: `misses target`, `is off target`, `meets the target`

const TARGET_SPELLINGS: ReadonlyArray<[string, boolean]> = [
  ...["misses", "miss", "missed", "fails", "does not meet", "doesn't meet", "is off", "off"].map(
    (t): [string, boolean] => [t, false],
  ),
  ...["meets", "meet", "met", "hits", "reaches", "is on", "on"].map((t): [string, boolean] => [t, true]),
];
const target: fc.Arbitrary<WrittenClause> = fc.constantFrom(...TARGET_SPELLINGS).chain(([verb, meets]) =>
  spaced(oneOf([verb]), oneOf(["", "the", "its", "their"]), cased("target")).map((text) => ({
    text,
    condition: { kind: "target", meets },
  })),
);

// ---------------------------------------------------------------------------------------------
// Changes and zone entries: `declines`, `drops by more than 20`, `rises by 50%`, `falls below 70`

const VERBS: Readonly<Record<Direction, readonly string[]>> = {
  down: ["drops", "drop", "dropped", "falls", "fall", "fell", "declines", "decline", "declined"].concat([
    "decreases",
    "decrease",
    "decreased",
    "dips",
    "dip",
    "dipped",
  ]),
  up: ["rises", "rise", "rose", "increases", "increase", "increased", "grows", "grow", "grew"].concat([
    "climbs",
    "climb",
    "climbed",
  ]),
};
type AmountComparator = Exclude<Comparator, "!=">;
const AMOUNT_SPELLINGS: Readonly<Record<AmountComparator, readonly string[]>> = {
  "<": ["less than", "fewer than", "<"],
  "<=": ["at most", "no more than", "not more than", "<=", "=<", "≤"],
  ">": ["more than", "greater than", ">"],
  ">=": ["at least", "no less than", "not less than", ">=", "=>", "≥"],
  "=": ["exactly", "=", "=="],
};
const direction = fc.constantFrom<Direction>("down", "up");

const change: fc.Arbitrary<WrittenClause> = fc.tuple(direction, quantity(nonNegative)).chain(([d, q]) => {
  const verb = oneOf(VERBS[d]);
  const bare: fc.Arbitrary<WrittenClause> = verb.map((v) => ({
    text: v,
    condition: { kind: "change", direction: d },
  }));
  const withAmount = (c: AmountComparator, text: fc.Arbitrary<string>): fc.Arbitrary<WrittenClause> =>
    text.map((t) => ({
      text: t,
      condition: { kind: "change", direction: d, amount: { comparator: c, quantity: q.quantity } },
    }));
  const amountComparator = fc.constantFrom<AmountComparator>("<", "<=", ">", ">=", "=");
  return fc.oneof(
    bare,
    // `drops by 20`: a bare amount means "at least".
    verb.chain((v) =>
      withAmount(">=", spaced(fc.constant(v), cased("by"), fc.constant(q.text))).map((w) => ({
        ...w,
        explicit: `${v} by at least ${q.text}`,
      })),
    ),
    // `drops by 20 or more`, `rises by 5%+`
    fc
      .constantFrom<"<=" | ">=">("<=", ">=")
      .chain((c) => withAmount(c, spaced(verb, cased("by"), fc.constant(q.text), oneOf(SUFFIXES[c])))),
    // `drops by more than 20`, `drops >20 points`
    amountComparator.chain((c) =>
      fc.oneof(
        withAmount(c, spaced(verb, cased("by"), oneOf(AMOUNT_SPELLINGS[c]), fc.constant(q.text))),
        withAmount(c, spaced(verb, oneOf(AMOUNT_SPELLINGS[c]), fc.constant(q.text))),
      ),
    ),
  );
});

const cross: fc.Arbitrary<WrittenClause> = fc.tuple(direction, quantity(anyNumber)).chain(([d, q]) => {
  const strict = d === "down" ? "<" : ">";
  const inclusive = d === "down" ? "<=" : ">=";
  const written = (c: "<" | "<=" | ">" | ">=", text: fc.Arbitrary<string>): fc.Arbitrary<WrittenClause> =>
    text.map((t) => ({
      text: t,
      condition: { kind: "cross", direction: d, comparator: c, quantity: q.quantity },
    }));
  return fc.oneof(
    // `falls below 70`, `rises over 90`
    written(
      strict,
      spaced(
        oneOf(VERBS[d]),
        oneOf(d === "down" ? ["below", "under"] : ["above", "over"]),
        fc.constant(q.text),
      ),
    ),
    // `falls to at most 49`, `rises to above 90`
    fc
      .constantFrom(strict, inclusive)
      .chain((c) =>
        written(c, spaced(oneOf(VERBS[d]), cased("to"), oneOf(COMPARATOR_SPELLINGS[c]), fc.constant(q.text))),
      ),
  );
});

// ---------------------------------------------------------------------------------------------
// Events: `is Yes`, `is not blank`, `is "detected"`

/** Words that are not part of the language, so `is detected` reads as the text "detected". */
const EVENT_WORDS = [
  "detected",
  "pending",
  "red",
  "amber",
  "approved",
  "overdue",
  "breached",
  "détecté",
].filter((w) => !keywords().has(w));
const quotedText: fc.Arbitrary<{ text: string; test: IsTest }> = fc
  .oneof(
    fc.string({ maxLength: 12 }).map((s) => ({ quoted: `"${s.replace(/"/g, '""')}"`, s })),
    fc.string({ maxLength: 12 }).map((s) => ({ quoted: `'${s.replace(/'/g, "''")}'`, s })),
    fc
      .string({ maxLength: 12 })
      .filter((s) => !/[”"]/.test(s))
      .map((s) => ({ quoted: `“${s}”`, s })),
    fc
      .string({ maxLength: 12 })
      .filter((s) => !/[’']/.test(s))
      .map((s) => ({ quoted: `‘${s}’`, s })),
  )
  .map(({ quoted, s }) => ({
    text: quoted,
    test: s.trim() === "" ? { type: "blank" } : { type: "text", text: s },
  }));
type WrittenTest = { text: string; test: IsTest };
const isTest: fc.Arbitrary<WrittenTest> = fc.oneof(
  oneOf(["yes", "y", "true"]).map((text): WrittenTest => ({ text, test: { type: "yes" } })),
  oneOf(["no", "n", "false"]).map((text): WrittenTest => ({ text, test: { type: "no" } })),
  oneOf(["blank", "empty"]).map((text): WrittenTest => ({ text, test: { type: "blank" } })),
  oneOf(EVENT_WORDS).map((text): WrittenTest => ({ text, test: { type: "text", text } })),
  quotedText,
);
const event: fc.Arbitrary<WrittenClause> = fc.tuple(fc.boolean(), isTest).chain(([negated, { text, test }]) =>
  spaced(cased("is"), negated ? cased("not") : fc.constant(""), fc.constant(text)).map((t) => ({
    text: t,
    condition: { kind: "is", negated, test },
  })),
);

// ---------------------------------------------------------------------------------------------
// Streaks and combinations

/** One clause of any kind. */
export const writtenClause: fc.Arbitrary<WrittenClause> = fc.oneof(
  compare,
  suffixed,
  between,
  target,
  change,
  cross,
  event,
);

/** Units a rolling window may be measured in, and how they are typed. */
const WINDOW_UNITS = ["minutes", "hours", "days", "weeks"] as const;

/**
 * `below 99.5% over any rolling 7 days`, `misses target in a rolling 24-hour window`, `90%+ during
 * rolling 2 weeks`: a one-sided comparison or a target, then a rolling window of any spelling.
 */
const rolling: fc.Arbitrary<WrittenClause> = fc
  .tuple(
    fc.oneof(compare, suffixed, target).filter((w) => {
      const c = w.condition;
      return c.kind === "target" || (c.kind === "compare" && ["<", "<=", ">", ">="].includes(c.comparator));
    }),
    fc.integer({ min: 1, max: 60 }),
    fc.constantFrom(...WINDOW_UNITS),
    fc.constantFrom("digits", "word", "hyphen"),
  )
  .chain(([clause, amount, u, countStyle]) => {
    const count =
      countStyle === "word" && amount <= 12 ? cased(COUNT_WORDS[amount - 1]) : fc.constant(String(amount));
    const length = fc
      .tuple(count, oneOf(UNIT_SPELLINGS[u]), gap)
      .map(([n, spelling, space]) =>
        countStyle === "hyphen" ? `${n}-${spelling}` : `${n}${space}${spelling}`,
      );
    return spaced(
      fc.constant(clause.text),
      oneOf(["over", "in", "during", "across", "within"]),
      oneOf(["any", "a", "each", ""]),
      cased("rolling"),
      length,
      oneOf(["", "period", "window"]),
    ).map((text) => ({
      text: text.replace(/\s+$/, ""),
      condition: {
        kind: "rolling",
        condition: clause.condition as Extract<ClauseCondition, { kind: "compare" | "target" }>,
        length: { amount, unit: u },
      },
    }));
  });

const COUNT_WORDS = [
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];
const PERIOD_WORD_LIST: readonly PeriodWord[] = ["periods", "months", "reviews", "weeks", "quarters"];

/** `<clause> for 3 consecutive periods`, `… for two months in a row`, `… for 1 straight quarter`. */
const streak: fc.Arbitrary<WrittenClause> = fc
  .tuple(
    fc.oneof({ weight: 6, arbitrary: writtenClause }, { weight: 1, arbitrary: rolling }),
    fc.integer({ min: 1, max: 40 }),
    fc.constantFrom(...PERIOD_WORD_LIST),
  )
  .chain(([clause, periods, periodWord]) =>
    spaced(
      fc.constant(clause.text),
      cased("for"),
      periods <= 12
        ? fc.constantFrom(String(periods), COUNT_WORDS[periods - 1]).chain(cased)
        : fc.constant(String(periods)),
      oneOf(["consecutive", "successive", "straight", ""]),
      oneOf([periodWord, periodWord.slice(0, -1)]),
      oneOf(["", "in a row"]),
    ).map((text) => ({
      text,
      condition: { kind: "streak", condition: clause.condition as ClauseCondition, periods, periodWord },
    })),
  );

/** `declines for N consecutive periods`, the seed's consecutive-decline trigger, spelled out. */
export const writtenDeclineStreak: fc.Arbitrary<Written> = fc
  .tuple(fc.integer({ min: 1, max: 12 }), oneOf(VERBS.down))
  .map(([periods, verb]) => ({
    text: `${verb} for ${periods} consecutive periods`,
    condition: {
      kind: "streak",
      condition: { kind: "change", direction: "down" },
      periods,
      periodWord: "periods",
    },
  }));

const clauseOrStreak = fc.oneof(
  { weight: 3, arbitrary: writtenClause },
  { weight: 1, arbitrary: streak },
  { weight: 1, arbitrary: rolling },
);

const AMBIGUOUS_AFTER_AMOUNT = /^\s*(more|less|fewer|lower|higher|greater)\b/i;

/**
 * Joins clauses with `and`/`or`. `drops by 20 or more than 5` would read as `drops by 20 or more`
 * followed by junk, so a bare amount there is spelled `by at least`, as a user would to be clear.
 */
function joined(
  parts: readonly WrittenClause[],
  word: "and" | "or",
  words: readonly string[],
  explicitLast = false,
) {
  return parts
    .map((part, i) => {
      const next = parts[i + 1];
      const clarify = next ? word === "or" && AMBIGUOUS_AFTER_AMOUNT.test(next.text) : explicitLast;
      return clarify && part.explicit ? part.explicit : part.text;
    })
    .reduce((text, part, i) => (i === 0 ? part : `${text} ${words[i - 1]} ${part}`), "");
}

const conjunction: fc.Arbitrary<WrittenClause> = fc
  .array(clauseOrStreak, { minLength: 1, maxLength: 3 })
  .chain((parts) =>
    fc.array(cased("and"), { minLength: 2, maxLength: 2 }).map((ands) => ({
      text: joined(parts, "and", ands),
      condition:
        parts.length === 1 ? parts[0].condition : { kind: "all", conditions: parts.map((p) => p.condition) },
      explicit: parts[parts.length - 1].explicit ? joined(parts, "and", ands, true) : undefined,
    })),
  );

/** A whole condition as typed (any form, streaks, `and`/`or`, odd spacing, a final full stop). */
export const writtenCondition: fc.Arbitrary<Written> = fc
  .tuple(
    fc.array(conjunction, { minLength: 1, maxLength: 3 }),
    fc.array(cased("or"), { minLength: 2, maxLength: 2 }),
    fc.constantFrom("", " ", "  "),
    fc.constantFrom("", "", ".", " ", " ."),
  )
  .map(([parts, ors, before, after]) => ({
    text: `${before}${joined(parts, "or", ors)}${after}`,
    condition:
      parts.length === 1 ? parts[0].condition : { kind: "any", conditions: parts.map((p) => p.condition) },
  }));

// ---------------------------------------------------------------------------------------------
// Rows of period values

/** A duration cell: a `Date` on the 1899-12-30 epoch, as Sheets hands over `6:30:00`. */
const durationCell = fc
  .integer({ min: 0, max: 3 * 24 * 60 })
  .map((minutes) => new Date(Date.UTC(1899, 11, 30) + minutes * 60_000));

/** One cell of a metric's row: numbers, blanks, text with units, Yes/No, booleans, dates, junk. */
export const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5, max: 120 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => n / 100) },
  { weight: 2, arbitrary: fc.double({ min: -1e4, max: 1e4, noNaN: true }) },
  { weight: 3, arbitrary: fc.constantFrom<CellValue>("", "", " ", null) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<CellValue>(
      "45%",
      "4 hrs",
      "90 min",
      "1,234",
      "$1,200",
      "06:00:00",
      "3 days",
      "12",
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>("Yes", "No", "y", "N", "TRUE", true, false) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>("abc", "detected", "Detected ", "pending", "n/a") },
  { weight: 1, arbitrary: durationCell },
  { weight: 1, arbitrary: fc.constant<CellValue>(new Date(Date.UTC(2026, 9, 1))) },
);

/** A row of period values, oldest first. */
export const row = fc.array(cell, { maxLength: 8 });

/** A row of plain numbers without blanks. */
export const numericRow = (minLength: number) =>
  fc.array(fc.oneof(fc.integer({ min: -50, max: 150 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), {
    minLength,
    maxLength: minLength + 6,
  });
