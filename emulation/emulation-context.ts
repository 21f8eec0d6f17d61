// State shared by every emulated service of one environment: counter, clock, error realm, formula hook.
import { CallCounter } from "./call-counter";
import type { EmulatedClock } from "./clock";
import type { FormulaEvaluator } from "./formula-cell";

/** A constructor for the errors the emulated services throw. */
export type ErrorConstructorLike = new (message?: string) => Error;

/**
 * The environment that every service object carries as `ctx`. Errors are made with
 * {@link EmulationContext.error} so that, once a bundle is loaded, they are instances of the bundle
 * realm's `Error` — as they are in Apps Script, where a service error is a plain script `Error`.
 */
export class EmulationContext {
  /** Counts the service calls of the code under test. */
  readonly counter = new CallCounter();
  /** Constructor used for thrown errors; `loadBundle` swaps in the vm context's `Error`. */
  errorConstructor: ErrorConstructorLike = Error;
  /** Computes formula cells on read; `null` leaves them at their last computed value (or blank). */
  formulaEvaluator: FormulaEvaluator | null = null;

  constructor(
    /** The emulated clock. */
    readonly clock: EmulatedClock,
    /** Email of the user running the script (`Session.getActiveUser()`). */
    readonly activeUserEmail: string,
    /** Email of the user whose authority the script runs with (`Session.getEffectiveUser()`). */
    readonly effectiveUserEmail: string,
  ) {}

  /** An error as Apps Script would throw it, in the bundle's realm when one is loaded. */
  error(message: string): Error {
    return new this.errorConstructor(message);
  }
}
