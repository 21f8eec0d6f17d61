// The server side of the google.script.run stand-in: runs the named global function of the built Code.js in its vm.
import vm from "node:vm";
import type { BundleContext } from "../../emulation/load-bundle";

/** What one server call did, for assertions. */
export interface ServerCallRecord {
  name: string;
  args: unknown;
  ok: boolean;
  message?: string;
}

/** A bridge from the page's google.script.run to the bundle, with a record of calls and contract breaches. */
export interface ServerBridge {
  /** Handles one call: `argsJson` is the JSON array of arguments; resolves to the JSON answer. */
  handle(name: string, argsJson: string): Promise<string>;
  calls: ServerCallRecord[];
  /** Contract breaches seen (a Date returned to the browser); tests expect none. */
  violations: string[];
  /** Holds every later call until the returned function is called (to see the page while the server works). */
  pause(): () => void;
}

/** Paths of every Date inside `value` (any realm), e.g. `result.rows[0].due`. */
export function findDates(value: unknown, path = "result"): string[] {
  if (Object.prototype.toString.call(value) === "[object Date]") return [path];
  if (value === null || typeof value !== "object") return [];
  return Object.keys(value).flatMap((key) =>
    findDates((value as Record<string, unknown>)[key], `${path}.${key}`),
  );
}

/**
 * A bridge over a loaded bundle. Like Apps Script, it refuses names ending in `_` and names the
 * bundle does not define as global functions, builds the arguments in the bundle's realm, turns a
 * thrown error into a failure carrying its message, and sends the answer as JSON — refusing one that
 * holds a `Date`, which google.script.run cannot carry.
 */
export function createServerBridge(context: BundleContext): ServerBridge {
  const calls: ServerCallRecord[] = [];
  const violations: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  const reply = (answer: { ok: true; value: unknown } | { ok: false; message: string }) =>
    JSON.stringify(answer);
  return {
    calls,
    violations,
    pause() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => release();
    },
    async handle(name, argsJson) {
      await gate;
      const fn = context[name];
      if (name.endsWith("_") || typeof fn !== "function") {
        calls.push({ name, args: JSON.parse(argsJson), ok: false, message: "not callable" });
        return reply({ ok: false, message: `Script function not found: ${name}` });
      }
      // Arguments arrive in the server's realm, as Apps Script deserialises them there.
      const args = vm.runInContext(`JSON.parse(${JSON.stringify(argsJson)})`, context) as unknown[];
      try {
        const value = fn(...args);
        const dates = findDates(value);
        if (dates.length > 0) {
          const message = `${name} returned a Date at ${dates.join(", ")}; google.script.run cannot carry a Date`;
          violations.push(message);
          calls.push({ name, args: JSON.parse(argsJson), ok: false, message });
          return reply({ ok: false, message });
        }
        calls.push({ name, args: JSON.parse(argsJson), ok: true });
        return reply({ ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) });
      } catch (error) {
        const message =
          error && typeof error === "object" && "message" in error ? String(error.message) : String(error);
        calls.push({ name, args: JSON.parse(argsJson), ok: false, message });
        return reply({ ok: false, message });
      }
    },
  };
}
