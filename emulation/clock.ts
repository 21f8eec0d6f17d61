// The emulation's clock: real time by default, or frozen at a set instant; Utilities.sleep moves it forward.

/** Something that can be read as an instant. */
export type Instant = Date | string | number;

function toMillis(value: Instant): number {
  const ms =
    typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms))
    throw new Error(`Emulated clock: cannot read ${JSON.stringify(String(value))} as a date`);
  return ms;
}

/**
 * The time the emulated services (and, through the bundle loader, the bundle's `new Date()`) see.
 * Without a start instant it follows the machine's clock; {@link EmulatedClock.set} freezes it.
 * {@link EmulatedClock.advance} moves it forward in either mode (that is what `Utilities.sleep` does).
 */
export class EmulatedClock {
  private frozenAt: number | null;
  private offset = 0;

  /** @param start the frozen start instant; omitted: follow real time. */
  constructor(start?: Instant) {
    this.frozenAt = start === undefined ? null : toMillis(start);
  }

  /** The current emulated time in milliseconds since the epoch. */
  nowMillis(): number {
    return (this.frozenAt ?? Date.now()) + this.offset;
  }

  /** The current emulated time as a new `Date`. */
  now(): Date {
    return new Date(this.nowMillis());
  }

  /** Freezes the clock at `instant`. */
  set(instant: Instant): void {
    this.frozenAt = toMillis(instant);
    this.offset = 0;
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`Emulated clock: cannot advance by ${ms} ms`);
    this.offset += ms;
  }
}
