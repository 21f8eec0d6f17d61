// Cold-load cost of the built bundle: Code.js into fresh vm contexts, plus server-modules.html on the first server call.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { createGasEnvironment } from "../../emulation/index";
import { median, round } from "./measure";

/** Size of one build file. */
export interface BuildFile {
  file: string;
  bytes: number;
}

/** Cold-load figures. */
export interface LoadResult {
  contexts: number;
  /** Median ms to compile and run Code.js in a fresh context (every execution, custom functions included). */
  codeJsMs: number;
  /** Median ms of the first server call in that context (`checkCondition`): reads and evaluates server-modules.html. */
  firstServerCallMs: number;
  /** Median ms of the same call once loaded (what the first call adds is the load). */
  warmServerCallMs: number;
  files: BuildFile[];
}

/**
 * Loads `build/Code.js` into `contexts` fresh vm contexts over fresh emulated environments and takes
 * the median time of compiling and running it, then of the first `checkCondition` call (which makes
 * the bundle read `server-modules.html` through HtmlService and evaluate it, as every menu command,
 * sidebar call and scan does first in an execution). Each context gets the source with a unique
 * trailing comment, so V8's in-process compilation cache cannot serve a later load from an earlier one.
 */
export function benchColdLoad(buildDir = "build", contexts = 20): LoadResult {
  const code = readFileSync(join(buildDir, "Code.js"), "utf8");
  const server = readFileSync(join(buildDir, "server-modules.html"), "utf8");
  const codeTimes: number[] = [];
  const firstTimes: number[] = [];
  const warmTimes: number[] = [];
  for (let i = 0; i < contexts; i += 1) {
    const env = createGasEnvironment({ timeZone: "America/New_York", htmlDir: null });
    env.html.put("server-modules", `${server}\n// cold load ${i}`);
    const context = vm.createContext(env.globals);
    env.useErrorConstructor(vm.runInContext("Error", context));
    env.html.globalScope = context;
    const source = `${code}\n// cold load ${i}`;
    let start = performance.now();
    new vm.Script(source, { filename: "Code.js" }).runInContext(context);
    codeTimes.push(performance.now() - start);
    const checkCondition = (context as Record<string, unknown>).checkCondition as (text: string) => unknown;
    start = performance.now();
    checkCondition("below 40%");
    firstTimes.push(performance.now() - start);
    start = performance.now();
    checkCondition("below 40%");
    warmTimes.push(performance.now() - start);
  }
  const files = [
    "Code.js",
    "server-modules.html",
    "sidebar.html",
    "review-dialog.html",
    "appsscript.json",
  ].map((file) => ({ file, bytes: statSync(join(buildDir, file)).size }));
  return {
    contexts,
    codeJsMs: round(median(codeTimes), 2),
    firstServerCallMs: round(median(firstTimes), 2),
    warmServerCallMs: round(median(warmTimes), 3),
    files,
  };
}
