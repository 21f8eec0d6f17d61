// Counts the Apps Script service calls that the code under test makes, keyed "Service.method".

/** Calls summed by kind: reads are `get*`, writes are `set*`, `insert*`, `append*`, `delete*`, `clear*`. */
export interface CallCategories {
  reads: number;
  writes: number;
  other: number;
  total: number;
}

/** What kind of call a method name is, for {@link CallCounter.categories}. */
export type CallKind = "read" | "write" | "other";

const WRITE_PREFIXES = ["set", "insert", "append", "delete", "clear"];

/** Classifies a method name (`getValues` → read, `setBackgrounds` → write, `sendEmail` → other). */
export function callKind(method: string): CallKind {
  if (/^get[A-Z]?/.test(method)) return "read";
  if (WRITE_PREFIXES.some((prefix) => method.startsWith(prefix))) return "write";
  return "other";
}

/**
 * A tally of service calls. Only the outermost call is counted: when an emulated method calls another
 * (`setValue` filling through the same store as `setValues`), the code under test made one call, so one
 * is recorded. Test helpers run inside {@link CallCounter.uncounted} so that seeding data costs nothing.
 */
/** Told of each counted call before it runs: `Service.method`, the service object and the arguments. */
export type CallObserver = (name: string, self: unknown, args: unknown[]) => void;

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly observers: CallObserver[] = [];
  private depth = 0;

  /** Runs `method` on behalf of `name`, counting it when it is not nested in another counted call. */
  invoke<T>(name: string, method: (...args: unknown[]) => T, self: unknown, args: unknown[]): T {
    const outer = this.depth === 0;
    if (outer) this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.depth++;
    try {
      // Observers run as nested calls: what they read is neither counted nor observed.
      if (outer) for (const observer of this.observers) observer(name, self, args);
      return method.apply(self, args);
    } finally {
      this.depth--;
    }
  }

  /**
   * Calls `observer` before each counted (outermost) call from now on — to record calls, attribute them
   * to a tab, or let emulated time pass. Returns a function that stops observing.
   */
  observe(observer: CallObserver): () => void {
    this.observers.push(observer);
    return () => {
      const index = this.observers.indexOf(observer);
      if (index >= 0) this.observers.splice(index, 1);
    };
  }

  /** True when no counted call is running, so the next call is one the code under test made itself. */
  isOuterCall(): boolean {
    return this.depth === 0;
  }

  /** Runs `action` without counting any service call it makes (for seeding and inspecting state). */
  uncounted<T>(action: () => T): T {
    this.depth++;
    try {
      return action();
    } finally {
      this.depth--;
    }
  }

  /** How many times `name` (e.g. `"Range.getValues"`) was called. */
  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Every count so far, keys sorted, as a plain object. */
  snapshot(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) result[key] = this.counts.get(key)!;
    return result;
  }

  /** Total number of counted calls. */
  total(): number {
    let sum = 0;
    for (const value of this.counts.values()) sum += value;
    return sum;
  }

  /** Sums a snapshot (default: the current counts) into reads, writes and other calls. */
  categories(snapshot: Record<string, number> = this.snapshot()): CallCategories {
    const result: CallCategories = { reads: 0, writes: 0, other: 0, total: 0 };
    for (const [name, value] of Object.entries(snapshot)) {
      const kind = callKind(name.slice(name.indexOf(".") + 1));
      if (kind === "read") result.reads += value;
      else if (kind === "write") result.writes += value;
      else result.other += value;
      result.total += value;
    }
    return result;
  }

  /** Sums the counts per service (`Range`, `Sheet`, `MailApp`, …). */
  byService(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [name, value] of this.counts) {
      const service = name.slice(0, name.indexOf("."));
      result[service] = (result[service] ?? 0) + value;
    }
    return result;
  }

  /** Forgets every count. */
  reset(): void {
    this.counts.clear();
  }
}
