// Session: who runs the script and in which time zone.
import type { EmulationContext } from "./emulation-context";

/** The emulated `User`. */
export class User {
  constructor(
    readonly ctx: EmulationContext,
    private readonly email: string,
  ) {}

  /** The user's email ("" when Apps Script would hide it). */
  getEmail(): string {
    return this.email;
  }
}

/** The emulated `Session`. */
export class Session {
  constructor(
    readonly ctx: EmulationContext,
    private readonly scriptTimeZone: string,
  ) {}

  /** The user at the keyboard. */
  getActiveUser(): User {
    return new User(this.ctx, this.ctx.activeUserEmail);
  }

  /** The user whose authority the script runs with (the trigger's owner in a trigger). */
  getEffectiveUser(): User {
    return new User(this.ctx, this.ctx.effectiveUserEmail);
  }

  /** The script project's time zone. */
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }

  /** Always "en". */
  getActiveUserLocale(): string {
    return "en";
  }

  /** A stable opaque key for the active user. */
  getTemporaryActiveUserKey(): string {
    return Buffer.from(`emulated:${this.ctx.activeUserEmail}`).toString("base64");
  }
}
