// Cold-load cost of the built bundle: build/Code.js compiled and run in fresh vm contexts, and the size of each build file.
import { readdirSync, readFileSync, statSync } from "node:fs";
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
  /** Median ms to compile and run Code.js in a fresh context: what every execution pays first, custom-function cells included. */
  codeJsMs: number;
  /** Median ms of the compile alone (`new vm.Script`). */
  compileMs: number;
  /** Median ms of running the compiled script: the bundle's top-level statements. */
  runMs: number;
  /** Every file of build/ (what clasp pushes), by name. */
  files: BuildFile[];
}

/**
 * Compiles and runs `build/Code.js` in `contexts` fresh vm contexts over fresh emulated environments
 * and takes the medians: compile + run, and each apart. Each context gets the source with a unique
 * trailing comment (this run's nonce and its number), so V8's in-process compilation cache cannot serve a later load from an earlier one.
 */
export function benchColdLoad(buildDir = "build", contexts = 20): LoadResult {
  const code = readFileSync(join(buildDir, "Code.js"), "utf8");
  const nonce = `${process.pid}.${Date.now()}`;
  const totals: number[] = [];
  const compiles: number[] = [];
  const runs: number[] = [];
  for (let i = 0; i < contexts; i += 1) {
    const env = createGasEnvironment({ timeZone: "America/New_York", htmlDir: null });
    const context = vm.createContext(env.globals);
    const source = `${code}\n// cold load ${nonce} ${i}`;
    const start = performance.now();
    const script = new vm.Script(source, { filename: "Code.js" });
    const compiled = performance.now();
    script.runInContext(context);
    const end = performance.now();
    compiles.push(compiled - start);
    runs.push(end - compiled);
    totals.push(end - start);
  }
  const files = readdirSync(buildDir)
    .sort()
    .map((file) => ({ file, bytes: statSync(join(buildDir, file)).size }));
  return {
    contexts,
    codeJsMs: round(median(totals), 2),
    compileMs: round(median(compiles), 2),
    runMs: round(median(runs), 2),
    files,
  };
}
