// Measuring helpers for the benchmark: CPU time, sampled peak heap, service calls per tab, medians.
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import type { GasEnvironment } from "../../emulation/index";

/** What one measured call cost. */
export interface Measured<T> {
  result: T;
  /** User + system CPU time of this process during the call (`process.cpuUsage()`), in ms. */
  cpuMs: number;
  /** Wall-clock time of the call, in ms. */
  wallMs: number;
  /** Peak `heapUsed` sampled during the call minus `heapUsed` just before it (after a full GC), in MB. */
  peakHeapMb: number;
}

let collect: (() => void) | null = null;

/** A full garbage collection (`--expose-gc` switched on at run time), so heap figures start level. */
export function fullGc(): void {
  if (!collect) {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  }
  collect();
}

/**
 * Heap sampling: `sample()` reads `heapUsed` at most every 0.5 ms (cheap enough to call at every
 * emulated service call) and keeps the peak.
 */
export class HeapSampler {
  private peak = 0;
  private last = 0;

  /** Starts over from the current heap. */
  reset(): void {
    this.peak = v8.getHeapStatistics().used_heap_size;
    this.last = performance.now();
  }

  /** Reads the heap if 0.5 ms have passed since the last reading. */
  sample(): void {
    const now = performance.now();
    if (now - this.last < 0.5) return;
    this.last = now;
    const used = v8.getHeapStatistics().used_heap_size;
    if (used > this.peak) this.peak = used;
  }

  /** The highest reading (bytes), after a final one. */
  finish(): number {
    const used = v8.getHeapStatistics().used_heap_size;
    if (used > this.peak) this.peak = used;
    return this.peak;
  }
}

/** Runs `action`, measuring CPU, wall time and the sampled heap peak (the sampler is fed from elsewhere). */
export function measure<T>(sampler: HeapSampler, action: () => T): Measured<T> {
  fullGc();
  const baseline = v8.getHeapStatistics().used_heap_size;
  sampler.reset();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = action();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const peak = sampler.finish();
  return {
    result,
    cpuMs: (used.user + used.system) / 1000,
    wallMs,
    peakHeapMb: Math.max(0, peak - baseline) / (1024 * 1024),
  };
}

/** Calls made on one tab's own Sheet and Range objects during a run, by tab name. */
export type CallsByTab = Map<string, number>;

/**
 * Hooks the environment's call counter: every counted (outermost) service call feeds the heap sampler
 * and, when it is made on a Sheet or Range, is attributed to that tab. Returns the per-tab tally,
 * which the caller clears between runs.
 */
export function instrumentCounter(env: GasEnvironment, sampler: HeapSampler): CallsByTab {
  const byTab: CallsByTab = new Map();
  env.counter.observe((_name, self) => {
    sampler.sample();
    const tab = tabOf(self);
    if (tab !== null) byTab.set(tab, (byTab.get(tab) ?? 0) + 1);
  });
  return byTab;
}

/** The tab a Sheet or Range object belongs to, read from the emulation's fields (not counted). */
function tabOf(self: unknown): string | null {
  if (typeof self !== "object" || self === null) return null;
  const object = self as { name?: unknown; sheetId?: unknown; sheet?: { name?: unknown } };
  if (typeof object.name === "string" && typeof object.sheetId === "number") return object.name;
  if (object.sheet && typeof object.sheet.name === "string") return object.sheet.name;
  return null;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Times `action` `runs` times (after one warm-up call) and returns the median in ms. */
export function medianMs(runs: number, action: () => unknown): number {
  action();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    action();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A number rounded to `decimals` places. */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
