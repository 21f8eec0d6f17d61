// Loads the built bundle (build/*.js) with gas-local into a vm context whose globals are the emulation's.
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import vm from "node:vm";
import gas from "gas-local";
import { type GasEnvironment, readManifestScopes } from "./index";

/**
 * The bundle's global scope: its top-level functions plus the emulated services. Typed loosely because
 * its contents come from the built JavaScript.
 */
// biome-ignore lint/suspicious/noExplicitAny: the bundle's globals are whatever build/Code.js defines
export type BundleContext = Record<string, any>;

/** Options of {@link loadBundle}. */
export interface LoadBundleOptions {
  /** Make `new Date()` and `Date.now()` inside the bundle read the emulated clock (default true). */
  emulatedClock?: boolean;
}

/** Replaces the context's Date with one whose "now" is the emulated clock; same prototype, same realm. */
const INSTALL_CLOCK_DATE = `(function (nowMillis) {
  var RealDate = Date;
  function ClockDate() {
    if (!new.target) return new RealDate(nowMillis()).toString();
    var args = arguments.length === 0 ? [nowMillis()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  }
  ClockDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(ClockDate, RealDate);
  ClockDate.now = function () { return nowMillis(); };
  globalThis.Date = ClockDate;
})`;

/**
 * Loads every .js file of `buildDir` (the built `Code.js`, exactly what `clasp push` sends) into a
 * Node `vm` context over `env.globals`, and returns that context: call the bundle's global functions on
 * it (`ctx.runScan()`).
 *
 * The bundle runs in another JavaScript realm. Its `Date`, `Array`, `Error` are not the test's: values
 * the emulation hands over (`getValues()` rows, dates) are test-realm objects, so code must use
 * `isDate()`/`Array.isArray`, never `instanceof`; and objects the bundle returns fail `toEqual` against
 * test-realm literals only by prototype — compare with `JSON` or field by field. Service errors are
 * made in the bundle's realm (`instanceof Error` holds inside it). Unless `emulatedClock` is false, the
 * bundle's `new Date()` reads `env.clock`. Unless the environment was given its own `oauthScopes`, the
 * folder's `appsscript.json` scopes are enforced (what is pushed is what runs). The bundle's top level
 * runs in the environment's current auth mode. One environment can be loaded once.
 */
export function loadBundle(
  env: GasEnvironment,
  buildDir = "build",
  options: LoadBundleOptions = {},
): BundleContext {
  const folder = resolve(buildDir);
  if (!existsSync(folder) || !readdirSync(folder).some((file) => file.endsWith(".js")))
    throw new Error(`loadBundle: no .js file in ${folder}; run "npm run build" first`);
  if (vm.isContext(env.globals)) throw new Error("loadBundle: this environment already has a bundle loaded");

  if (env.scopes.manifest === null) env.scopes.setManifest(readManifestScopes(folder));
  const context = vm.createContext(env.globals);
  if (options.emulatedClock !== false) {
    const install = vm.runInContext(INSTALL_CLOCK_DATE, context) as (now: () => number) => void;
    install(() => env.clock.nowMillis());
  }
  env.useErrorConstructor(vm.runInContext("Error", context));
  env.html.globalScope = context;
  const before = new Set(Object.keys(context));

  const loaded = gas.require(folder, context) as BundleContext;
  const defined = Object.keys(loaded).filter((key) => !before.has(key) && typeof loaded[key] === "function");
  if (defined.length === 0) throw new Error(`loadBundle: the files in ${folder} defined no global function`);
  return loaded;
}
