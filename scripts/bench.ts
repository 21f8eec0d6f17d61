// npm run bench: the scan and the custom functions of build/Code.js on generated workbooks, next to a naive per-cell scan.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { buildReport, formatReport, modeledSeconds } from "./bench/bench-report";
import type { BenchWorkbookSize } from "./bench/bench-workbook";
import { benchFunctions } from "./bench/function-bench";
import { benchColdLoad } from "./bench/load-bench";
import { benchSize, type SizeResult } from "./bench/scan-bench";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

/** The workbooks measured: three sizes on the full grid, and two on a small grid for the independence check. */
const SIZES: (BenchWorkbookSize & { naive: boolean })[] = [
  { tabs: 10, metrics: 60, periods: 36, naive: true },
  { tabs: 50, metrics: 60, periods: 36, naive: true },
  { tabs: 200, metrics: 60, periods: 36, naive: true },
  { tabs: 10, metrics: 10, periods: 12, naive: false },
  { tabs: 200, metrics: 10, periods: 12, naive: false },
];

const METHODS = {
  calls:
    "emulated service calls counted by env.counter (outermost calls only, Service.method); reads = get*, " +
    "writes = set*/insert*/append*/delete*/clear*, other = the rest (locks, mail, Utilities, Logger)",
  "per tab":
    "the slope (calls at 200 tabs − calls at 10 tabs) / 190; 'calls on a tab' counts the calls made on that " +
    "tab's own Sheet and Range objects",
  cpu: "process.cpuUsage() (user + system) around the call, in this process: the bundle plus the emulated services",
  memory:
    "peak V8 heapUsed sampled at emulated service calls (at most every 0.5 ms) minus heapUsed right before " +
    "the call after a full GC; the workbook itself is in the baseline",
  scans:
    "first = scheduledScan on a new workbook (escalations opened, digests sent, Portfolio created); daily = " +
    "scheduledScan the next morning on unchanged data; both in one vm context (a real execution also pays " +
    "the Code.js cold load below)",
};

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const progress = (text: string) => console.log(`[bench ${elapsed()}] ${text}`);

const sizes: SizeResult[] = [];
for (const { naive, ...size } of SIZES) {
  progress(
    `scan: ${size.tabs} tabs × ${size.metrics} metrics × ${size.periods} periods${naive ? " (+ naive)" : ""}…`,
  );
  const result = benchSize(size, { naive });
  sizes.push(result);
  progress(
    `  first ${result.first.calls.total} calls (${modeledSeconds(result.first)} s modeled, ${result.first.cpuMs} ms CPU), ` +
      `daily ${result.steady.calls.total}` +
      (result.naive ? `, naive ${result.naive.calls.total}` : ""),
  );
}
progress("custom functions: 1 cell and 10,000 rows through build/Code.js…");
const functions = benchFunctions();
progress("cold load: Code.js into 20 fresh vm contexts…");
const load = benchColdLoad();

const report = buildReport(sizes, functions, load, METHODS);
mkdirSync(join(root, "out"), { recursive: true });
writeFileSync(join(root, "out", "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
progress("done; wrote out/bench.json\n");
console.log(formatReport(report));
