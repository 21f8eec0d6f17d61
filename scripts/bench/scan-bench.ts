// Runs the built bundle's scan (first and steady-state) and the naive per-cell scan on one generated workbook size.
import type { CallCategories } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";
import { TAB } from "../../src/domain/workbook-schema";
import type { BenchWorkbook, BenchWorkbookSize } from "./bench-workbook";
import { BENCH_NEXT_DAY, benchEnvironment, buildBenchWorkbook } from "./bench-workbook";
import { type CallsByTab, HeapSampler, instrumentCounter, measure, median, round } from "./measure";
import { naiveScan } from "./naive-scan";

/** One scan run's figures. */
export interface ScanRun {
  calls: CallCategories;
  /** Every call by `Service.method`. */
  snapshot: Record<string, number>;
  cpuMs: number;
  wallMs: number;
  peakHeapMb: number;
  /** Calls made on one account tab's own Sheet/Range objects: healthy tabs and tabs that breach. */
  perTab: { healthy: TabCalls; breaching: TabCalls };
  /** Calls made on the Incidents tab: read once per run, however many account tabs there are. */
  incidentsTabCalls: number;
  /** From the run summary (the naive scan fills what it knows). */
  outcome: string;
  accountsScanned: number;
  breaches: number;
  newEscalations: number;
  emailsSent: number;
}

/** Calls on the tabs of one kind: the median and the range over those tabs, and their sum. */
export interface TabCalls {
  tabs: number;
  median: number;
  min: number;
  max: number;
  total: number;
}

/** All runs on one workbook size. */
export interface SizeResult {
  size: BenchWorkbookSize;
  breachingTabs: number;
  owners: number;
  first: ScanRun;
  steady: ScanRun;
  naive: ScanRun | null;
  /** Milliseconds spent generating the workbook (not part of any figure). */
  buildMs: number;
}

function tabCalls(byTab: CallsByTab, names: readonly string[]): TabCalls {
  const counts = names.map((name) => byTab.get(name) ?? 0);
  if (counts.length === 0) return { tabs: 0, median: 0, min: 0, max: 0, total: 0 };
  return {
    tabs: counts.length,
    median: median(counts),
    min: Math.min(...counts),
    max: Math.max(...counts),
    total: counts.reduce((sum, count) => sum + count, 0),
  };
}

function perTabOf(byTab: CallsByTab, workbook: BenchWorkbook): ScanRun["perTab"] {
  const breaching = new Set(workbook.breachingTabs);
  return {
    healthy: tabCalls(
      byTab,
      workbook.tabNames.filter((name) => !breaching.has(name)),
    ),
    breaching: tabCalls(byTab, workbook.breachingTabs),
  };
}

/**
 * Builds a workbook of `size`, loads build/Code.js over it and measures: the first scan (the daily
 * trigger's `scheduledScan`: new escalations, digests, Portfolio created), a steady-state scan the
 * next morning on unchanged data, and (with `naive`) the naive per-cell scan over the same workbook.
 */
export function benchSize(size: BenchWorkbookSize, options: { naive: boolean }): SizeResult {
  const env = benchEnvironment();
  const started = performance.now();
  const workbook = buildBenchWorkbook(env, size);
  const buildMs = performance.now() - started;
  const gas = loadBundle(env);
  const sampler = new HeapSampler();
  const byTab = instrumentCounter(env, sampler);

  /** Runs `job` from fresh counts and records what it cost, with the outcome `describe` reads off its result. */
  const run = <T>(
    job: () => T,
    describe: (
      result: T,
    ) => Pick<ScanRun, "outcome" | "accountsScanned" | "breaches" | "newEscalations" | "emailsSent">,
  ): ScanRun => {
    env.counter.reset();
    byTab.clear();
    const measured = measure(sampler, job);
    return {
      calls: env.counter.categories(),
      snapshot: env.counter.snapshot(),
      cpuMs: round(measured.cpuMs, 1),
      wallMs: round(measured.wallMs, 1),
      peakHeapMb: round(measured.peakHeapMb, 1),
      perTab: perTabOf(byTab, workbook),
      incidentsTabCalls: byTab.get(TAB.incidents) ?? 0,
      ...describe(measured.result),
    };
  };
  const scan = (): ScanRun =>
    run(
      () => JSON.parse(JSON.stringify(gas.scheduledScan({ authMode: "FULL", triggerUid: "bench" }))),
      (summary) => ({
        outcome: summary.outcome,
        accountsScanned: summary.accountsScanned,
        breaches: summary.breaches,
        newEscalations: summary.newEscalations,
        emailsSent: summary.emailsSent,
      }),
    );
  const first = scan();
  env.setNow(BENCH_NEXT_DAY);
  const steady = scan();
  const naive = options.naive
    ? run(
        () => naiveScan(env),
        (result) => ({
          outcome: "complete",
          accountsScanned: result.tabs,
          breaches: result.breaches,
          newEscalations: 0,
          emailsSent: 0,
        }),
      )
    : null;
  return {
    size,
    breachingTabs: workbook.breachingTabs.length,
    owners: workbook.owners.length,
    first,
    steady,
    naive,
    buildMs: round(buildMs, 0),
  };
}
