// Splits a condition's text into numbers, words, symbols and quoted text, remembering where each sits.

import { shortText } from "../cell-value";
import { ConditionSyntaxError } from "./condition-syntax-error";

/** Kinds of token: `text` is a quoted string, `number` may be non-finite (`NaN`, `1e999`). */
export type TokenKind = "number" | "word" | "symbol" | "text";

/** One token of a condition. */
export interface Token {
  kind: TokenKind;
  /** The characters as typed. */
  source: string;
  /** Lower-case form used for matching words (the unquoted content for `text`). */
  lower: string;
  /** The number of a `number` token, or the content of a `text` token. */
  value: number | string;
  /** 0-based offset in the condition. */
  column: number;
  /** 1-based number of the space-separated word the token starts in. */
  wordIndex: number;
}

const NUMBER = /^-?(?:(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?/i;
const WORD = /^[a-z\u00c0-\u024f]+(?:['’][a-z]+)*/i;
const NON_FINITE = /^-?(?:nan|infinity|inf)(?![a-z])|^-?∞/i;
const MULTI_CHAR_SYMBOLS = ["<=", ">=", "=<", "=>", "==", "!=", "<>"];
/** Opening quote characters and the characters that close them (typed or auto-corrected quotes). */
const CLOSING_QUOTES: Record<string, string[]> = {
  '"': ['"'],
  "“": ["”", '"'],
  "”": ["”", '"'],
  "'": ["'"],
  "‘": ["’", "'"],
};

/** 1-based number of the space-separated word that holds `column` (one past the last at the end). */
export function wordIndexAt(text: string, column: number): number {
  const starts = Array.from(text.matchAll(/\S+/g), (match) => match.index ?? 0);
  if (column >= text.trimEnd().length) return starts.length + 1;
  return Math.max(1, starts.filter((start) => start <= column).length);
}

/** Tokenizes a condition; throws {@link ConditionSyntaxError} for a quote that is never closed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, source: string, value: number | string, lower = normalizeWord(source)) => {
    tokens.push({ kind, source, lower, value, column: i, wordIndex: wordIndexAt(text, i) });
    i += source.length;
  };
  while (i < text.length) {
    const rest = text.slice(i);
    const char = text[i];
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === "." && rest.slice(1).trim() === "") break; // a sentence's full stop at the very end
    const closing = CLOSING_QUOTES[char];
    if (closing !== undefined) {
      push("text", ...readQuoted(text, i, closing));
      continue;
    }
    const nonFinite = NON_FINITE.exec(rest);
    if (nonFinite) {
      const negative = nonFinite[0].startsWith("-");
      push("number", nonFinite[0], /nan/i.test(nonFinite[0]) ? Number.NaN : negative ? -Infinity : Infinity);
      continue;
    }
    const previous = tokens[tokens.length - 1];
    const number = NUMBER.exec(rest);
    if (number && !(number[0].startsWith("-") && previous?.kind === "number")) {
      const value = Number(number[0].replace(/,/g, ""));
      push("number", number[0], Object.is(value, -0) ? 0 : value);
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      push("word", word[0], word[0]);
      continue;
    }
    const symbol =
      MULTI_CHAR_SYMBOLS.find((s) => rest.startsWith(s)) ?? String.fromCodePoint(rest.codePointAt(0)!);
    push("symbol", symbol, symbol);
  }
  return tokens;
}

/** Reads quoted text starting at `start`; a doubled closing quote stands for one quote character. */
function readQuoted(
  text: string,
  start: number,
  closing: string[],
): [source: string, value: string, lower: string] {
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    const closes = closing.includes(char);
    if (closes && text[i + 1] === char) {
      value += char;
      i += 2;
      continue;
    }
    if (closes) return [text.slice(start, i + 1), value, value.toLowerCase()];
    value += char;
    i++;
  }
  const word = text.slice(start);
  const wordIndex = wordIndexAt(text, start);
  throw new ConditionSyntaxError(
    `the text ${shortText(word)} (word ${wordIndex} of "${shortText(text.trim())}") has no closing quote: expected text in quotes such as "detected"`,
    { text, word, wordIndex, column: start, expected: 'text in quotes such as "detected"' },
  );
}

/** Lower-cases a word and straightens typographic apostrophes (`Doesn’t` → `doesn't`). */
function normalizeWord(source: string): string {
  return source.toLowerCase().replace(/’/g, "'");
}
