// State shared by every emulated service of one environment: counter, clock, error realm, auth mode, scopes, formula hook.
import { refusedInAuthMode } from "./auth-mode-rules";
import { CallCounter } from "./call-counter";
import type { EmulatedClock } from "./clock";
import type { ServiceCallRouter } from "./count-calls";
import { AuthMode } from "./enums";
import type { FormulaEvaluator } from "./formula-cell";
import { OAuthScopes, requiredScopes, scopeText } from "./oauth-scopes";

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
   * in a custom function: writes to the spreadsheet and to properties, MailApp, triggers and the UI;
   * `NONE` allows only building menus; `LIMITED` the document and Properties, no UI, mail or triggers
   * (see `auth-mode-rules.ts`).
   */
  authMode: string = AuthMode.FULL;
  /** The manifest's scopes, the user's grants and the scopes the code under test used. */
  readonly scopes = new OAuthScopes();

  constructor(
    /** The emulated clock. */
    readonly clock: EmulatedClock,
    /** Email of the user running the script (`Session.getActiveUser()`). */
    readonly activeUserEmail: string,
    /** Email of the user whose authority the script runs with (`Session.getEffectiveUser()`). */
    readonly effectiveUserEmail: string,
  ) {}

  /**
   * Runs a service method for the code under test: checks the auth mode and the OAuth scopes, counts the
   * call, runs it. Only calls the code under test makes itself are checked (not the emulation's own
   * nested calls, nor a test's uncounted set-up).
   */
  callService(
    service: string,
    method: string,
    body: (...args: unknown[]) => unknown,
    self: unknown,
    args: unknown[],
  ): unknown {
    if (this.counter.isOuterCall()) {
      if (refusedInAuthMode(this.authMode, service, method)) {
        const requirement = requiredScopes(service, method);
        const required = requirement.length > 0 ? `. Required permissions: ${scopeText(requirement)}` : "";
        throw this.exception(
          this.scopes.refuse(`You do not have permission to call ${service}.${method}${required}`),
        );
      }
      // The user's grants matter where the user authorized the script (FULL); NONE, LIMITED and custom
      // functions run without the user's authorization, within what their mode allows.
      const refusal = this.scopes.check(service, method, this.authMode === AuthMode.FULL);
      if (refusal) throw this.exception(refusal.message);
    }
    return this.counter.invoke(`${service}.${method}`, body, self, args);
  }

  /**
   * An error a service raises, as Apps Script shows it: `name` "Exception", so that it prints as
   * "Exception: <message>" in the Executions log.
   */
  exception(message: string): Error {
    const error = this.error(message);
    Object.defineProperty(error, "name", { value: "Exception", configurable: true, writable: true });
    return error;
  }

  /** An error as Apps Script would throw it, in the bundle's realm when one is loaded. */
  error(message: string): Error {
    return new this.errorConstructor(message);
  }
}
