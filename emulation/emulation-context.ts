// State shared by every emulated service of one environment: counter, clock, error realm, formula hook.
import { CallCounter, callKind } from "./call-counter";
import type { EmulatedClock } from "./clock";
import type { ServiceCallRouter } from "./count-calls";
import { AuthMode } from "./enums";
import type { FormulaEvaluator } from "./formula-cell";

/** Services a custom function may not call at all (they need authorization or a UI). */
const BLOCKED_IN_CUSTOM_FUNCTIONS = new Set([
  "MailApp",
  "ScriptApp",
  "TriggerBuilder",
  "ClockTriggerBuilder",
  "SpreadsheetTriggerBuilder",
  "Trigger",
  "Ui",
  "Menu",
  "PromptResponse",
]);
/** Services whose writes a custom function may not make (Spreadsheet get* only, Properties getters only). */
const READ_ONLY_IN_CUSTOM_FUNCTIONS = new Set(["Spreadsheet", "Sheet", "Range", "RangeList", "Properties"]);

/** A constructor for the errors the emulated services throw. */
export type ErrorConstructorLike = new (message?: string) => Error;

/**
 * The environment that every service object carries as `ctx`. Errors are made with
 * {@link EmulationContext.error} so that, once a bundle is loaded, they are instances of the bundle
 * realm's `Error` — as they are in Apps Script, where a service error is a plain script `Error`.
 */
export class EmulationContext implements ServiceCallRouter {
  /** Counts the service calls of the code under test. */
  readonly counter = new CallCounter();
  /** Constructor used for thrown errors; `loadBundle` swaps in the vm context's `Error`. */
  errorConstructor: ErrorConstructorLike = Error;
  /** Computes formula cells on read; `null` leaves them at their last computed value (or blank). */
  formulaEvaluator: FormulaEvaluator | null = null;
  /**
   * `ScriptApp.AuthMode` the code under test runs in. `CUSTOM_FUNCTION` refuses what Apps Script refuses
   * in a custom function: writes to the spreadsheet and to properties, MailApp, triggers and the UI.
   */
  authMode: string = AuthMode.FULL;

  constructor(
    /** The emulated clock. */
    readonly clock: EmulatedClock,
    /** Email of the user running the script (`Session.getActiveUser()`). */
    readonly activeUserEmail: string,
    /** Email of the user whose authority the script runs with (`Session.getEffectiveUser()`). */
    readonly effectiveUserEmail: string,
  ) {}

  /** Runs a service method for the code under test: checks the auth mode, counts the call, runs it. */
  callService(
    service: string,
    method: string,
    body: (...args: unknown[]) => unknown,
    self: unknown,
    args: unknown[],
  ): unknown {
    if (this.authMode === AuthMode.CUSTOM_FUNCTION && this.counter.isOuterCall()) {
      const refused =
        BLOCKED_IN_CUSTOM_FUNCTIONS.has(service) ||
        (service === "SpreadsheetApp" && (method === "getUi" || method.startsWith("open"))) ||
        (READ_ONLY_IN_CUSTOM_FUNCTIONS.has(service) && callKind(method) === "write");
      if (refused) throw this.error(`You do not have permission to call ${service}.${method}`);
    }
    return this.counter.invoke(`${service}.${method}`, body, self, args);
  }

  /** An error as Apps Script would throw it, in the bundle's realm when one is loaded. */
  error(message: string): Error {
    return new this.errorConstructor(message);
  }
}
