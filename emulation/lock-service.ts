// LockService: document, script and user locks that other (emulated) executions can hold; no document lock outside a document.
import type { EmulatedClock } from "./clock";
import type { EmulationContext } from "./emulation-context";

/** Which lock: one per document, one per script, one per user. */
export type LockScope = "document" | "script" | "user";

interface Hold {
  /**
   * The execution holding it: a number for an execution of the code under test (the current one, or one
   * it is nested in, see {@link LockRegistry.inAnotherExecution}); "other" for one a test only pretends.
   */
  holder: number | "other";
  /** When the other execution lets go (emulated ms), or null for never. */
  releaseAt: number | null;
}

/** Options for a lock held by another execution. */
export interface OtherHoldOptions {
  /** The other execution releases the lock after this many emulated milliseconds. */
  releaseAfterMs?: number;
}

/**
 * Lock state. The code under test is one execution; a test can make another execution hold a lock
 * ({@link LockRegistry.holdDocumentLock}). Waiting advances the emulated clock: a lock released within
 * the timeout is acquired after that wait, otherwise the whole timeout passes and the attempt fails.
 */
export class LockRegistry {
  private readonly holds = new Map<LockScope, Hold>();
  /** The execution the code under test runs as now. */
  private execution = 1;
  private nextExecution = 2;
  /**
   * False: `LockService.getDocumentLock()` returns null, as it does "outside of the context of a
   * containing document (such as from a standalone script or webapp)" (reference/lock/lock-service).
   */
  documentLockAvailable = true;

  constructor(private readonly clock: EmulatedClock) {}

  /**
   * Runs `action` as a second execution of the code under test started while the current one is paused
   * where it is (e.g. a sidebar save arriving in the middle of a scan, from a `counter.observe` hook):
   * locks the paused execution holds are held by another execution for `action`, which waits for them
   * (the paused one cannot let go meanwhile). Locks `action` leaves held are released when it ends, as
   * Apps Script releases a lock "when the script terminates" (reference/lock/lock#releaseLock).
   */
  inAnotherExecution<T>(action: () => T): T {
    const paused = this.execution;
    const own = this.nextExecution++;
    this.execution = own;
    try {
      return action();
    } finally {
      for (const [scope, hold] of [...this.holds]) if (hold.holder === own) this.holds.delete(scope);
      this.execution = paused;
    }
  }

  /** Another execution takes the document lock (until released, or for `releaseAfterMs`). */
  holdDocumentLock(options: OtherHoldOptions = {}): void {
    this.holdByOther(options, "document");
  }

  /** Another execution takes the script lock. */
  holdScriptLock(options: OtherHoldOptions = {}): void {
    this.holdByOther(options, "script");
  }

  /** Another execution takes the lock of `scope`. */
  holdByOther(options: OtherHoldOptions, scope: LockScope): void {
    const releaseAt =
      options.releaseAfterMs === undefined ? null : this.clock.nowMillis() + options.releaseAfterMs;
    this.holds.set(scope, { holder: "other", releaseAt });
  }

  /** Releases the document lock whoever holds it. */
  releaseDocumentLock(): void {
    this.holds.delete("document");
  }

  /** Releases the script lock whoever holds it. */
  releaseScriptLock(): void {
    this.holds.delete("script");
  }

  /** Releases every lock (what the end of an execution does in Apps Script). */
  releaseAll(): void {
    this.holds.clear();
  }

  /** Who holds a lock now: "current" (the execution running now), "other" (any other) or null. */
  holderOf(scope: LockScope): "current" | "other" | null {
    const hold = this.live(scope);
    if (!hold) return null;
    return hold.holder === this.execution ? "current" : "other";
  }

  private live(scope: LockScope): Hold | undefined {
    const hold = this.holds.get(scope);
    if (hold && hold.releaseAt !== null && hold.releaseAt <= this.clock.nowMillis()) {
      this.holds.delete(scope);
      return undefined;
    }
    return hold;
  }

  /** Tries to take the lock for the code under test within `timeoutMs`, advancing the clock by the wait. */
  acquire_(scope: LockScope, timeoutMs: number): boolean {
    const hold = this.live(scope);
    if (!hold || hold.holder === this.execution) {
      this.holds.set(scope, { holder: this.execution, releaseAt: null });
      return true;
    }
    const wait = hold.releaseAt === null ? Number.POSITIVE_INFINITY : hold.releaseAt - this.clock.nowMillis();
    if (wait <= timeoutMs) {
      this.clock.advance(wait);
      this.holds.set(scope, { holder: this.execution, releaseAt: null });
      return true;
    }
    this.clock.advance(Math.max(0, timeoutMs));
    return false;
  }

  /** Releases the lock if the code under test holds it. */
  release_(scope: LockScope): void {
    if (this.live(scope)?.holder === this.execution) this.holds.delete(scope);
  }
}

/** The emulated `Lock`. */
export class Lock {
  constructor(
    readonly ctx: EmulationContext,
    private readonly registry: LockRegistry,
    private readonly scope: LockScope,
  ) {}

  /** Waits up to `timeoutInMillis` for the lock; false when another execution kept it. */
  tryLock(timeoutInMillis: number): boolean {
    return this.registry.acquire_(this.scope, Number(timeoutInMillis) || 0);
  }

  /** Waits up to `timeoutInMillis` for the lock; throws when another execution kept it. */
  waitLock(timeoutInMillis: number): void {
    if (!this.registry.acquire_(this.scope, Number(timeoutInMillis) || 0))
      throw this.ctx.error("Lock timeout: another process was holding the lock for too long.");
  }

  /** Releases the lock (no effect when not held). */
  releaseLock(): void {
    this.registry.release_(this.scope);
  }

  /** True when this execution holds the lock. */
  hasLock(): boolean {
    return this.registry.holderOf(this.scope) === "current";
  }
}

/** The emulated `LockService`. */
export class LockService {
  constructor(
    readonly ctx: EmulationContext,
    private readonly registry: LockRegistry,
  ) {}

  /**
   * The lock of the current document, or null outside a document's context (reference/lock/lock-service:
   * "If this method is called outside of the context of a containing document (such as from a
   * standalone script or webapp), null is returned"; `registry.documentLockAvailable = false`).
   */
  getDocumentLock(): Lock | null {
    if (!this.registry.documentLockAvailable) return null;
    return new Lock(this.ctx, this.registry, "document");
  }

  /** The lock of the whole script. */
  getScriptLock(): Lock {
    return new Lock(this.ctx, this.registry, "script");
  }

  /** The lock of the current user. */
  getUserLock(): Lock {
    return new Lock(this.ctx, this.registry, "user");
  }
}
