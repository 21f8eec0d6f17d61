// The error thrown for a condition that cannot be read, pointing at the word that stopped the parser.

/** Where and why a condition could not be read. */
export interface ConditionSyntaxErrorDetails {
  /** The whole condition as typed. */
  text: string;
  /** The word (token) that could not be read; `""` when the condition stopped too early. */
  word: string;
  /** 1-based number of the space-separated word holding it (one past the last word at the end). */
  wordIndex: number;
  /** 0-based character offset of the word in `text`. */
  column: number;
  /** What would have been readable there, as a human phrase. */
  expected: string;
}

/** Thrown by `parseCondition` for text it cannot read; the message is meant for the user. */
export class ConditionSyntaxError extends Error {
  text: string;
  word: string;
  wordIndex: number;
  column: number;
  expected: string;

  constructor(message: string, details: ConditionSyntaxErrorDetails) {
    super(message);
    this.name = "ConditionSyntaxError";
    this.text = details.text;
    this.word = details.word;
    this.wordIndex = details.wordIndex;
    this.column = details.column;
    this.expected = details.expected;
  }
}
