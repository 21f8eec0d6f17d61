// The error custom functions throw: Sheets shows its message on the cell.

/** An input problem; its message names the function, the argument and the value. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

/** Builds `FN: <argument> must be <expected>, got <value>` from parts. */
export function mustBe(fn: string, argument: string, expected: string, got: string): ArgumentError {
  return new ArgumentError(`${fn}: ${argument} must be ${expected}, got ${got}`);
}
