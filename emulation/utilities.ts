// Utilities: formatDate (Java patterns in a time zone), sleep on the emulated clock, UUIDs, sprintf, blobs.
import { randomUUID } from "node:crypto";
import { isDate } from "../src/domain/cell-value";
import { Blob, toBuffer } from "./blob";
import type { EmulationContext } from "./emulation-context";
import { formatSimpleDate } from "./simple-date-format";
import { isValidTimeZone } from "./time-zone";

/** Longest `Utilities.sleep`, in milliseconds (5 minutes). */
export const MAX_SLEEP_MS = 300_000;

/** Java `String.format` for `%s`, `%d`, `%f` (with width, precision, `-` and `0` flags) and `%%`. */
export function formatJavaString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdfSbx%n])/g,
    (whole, left, zero, width, precision, conversion) => {
      if (conversion === "%") return "%";
      if (conversion === "n") return "\n";
      if (next >= args.length) throw new Error(`Format specifier '${whole}' has no argument`);
      const arg = args[next++];
      let text: string;
      if (conversion === "d") text = String(Math.trunc(Number(arg)));
      else if (conversion === "f")
        text = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      else if (conversion === "x") text = Math.trunc(Number(arg)).toString(16);
      else if (conversion === "b") text = String(Boolean(arg));
      else {
        text = isDate(arg) ? arg.toString() : String(arg);
        if (precision !== undefined) text = text.slice(0, Number(precision));
        if (conversion === "S") text = text.toUpperCase();
      }
      const w = width === undefined ? 0 : Number(width);
      if (text.length >= w) return text;
      if (left) return text.padEnd(w, " ");
      if (zero && /[df]/.test(conversion)) {
        const negative = text.startsWith("-");
        return (negative ? "-" : "") + text.replace("-", "").padStart(w - (negative ? 1 : 0), "0");
      }
      return text.padStart(w, " ");
    },
  );
}

/** The emulated `Utilities`. */
export class Utilities {
  constructor(readonly ctx: EmulationContext) {}

  /** Formats `date` with a Java SimpleDateFormat pattern in `timeZone` (e.g. "yyyy-MM-dd HH:mm z"). */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string")
      throw this.ctx.error(
        `The parameters (${[date, timeZone, format].map(typeName).join(",")}) don't match the method signature for Utilities.formatDate.`,
      );
    if (!isValidTimeZone(timeZone)) throw this.ctx.error(`Invalid argument: timeZone ${timeZone}`);
    try {
      return formatSimpleDate(date, timeZone, format);
    } catch (error) {
      throw this.ctx.error(`Invalid argument: ${(error as Error).message}`);
    }
  }

  /** Sleeps: advances the emulated clock by `milliseconds` at once (at most 5 minutes). */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!(ms >= 0)) throw this.ctx.error(`Invalid argument: milliseconds ${milliseconds}`);
    if (ms > MAX_SLEEP_MS) throw this.ctx.error("Argument too large: milliseconds");
    this.ctx.clock.advance(ms);
  }

  /** A random UUID. */
  getUuid(): string {
    return randomUUID();
  }

  /** Java-style `String.format`. */
  formatString(template: string, ...args: unknown[]): string {
    try {
      return formatJavaString(template, args);
    } catch (error) {
      throw this.ctx.error((error as Error).message);
    }
  }

  /** A blob from text or bytes. */
  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    return new Blob(this.ctx, data, contentType ?? null, name ?? null);
  }

  /** Base64 of text (UTF-8) or bytes. */
  base64Encode(data: string | number[]): string {
    return toBuffer(data).toString("base64");
  }

  /** Web-safe base64 of text or bytes. */
  base64EncodeWebSafe(data: string | number[]): string {
    return toBuffer(data).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
  }

  /** Signed bytes of base64 text. */
  base64Decode(encoded: string): number[] {
    return [...Buffer.from(String(encoded), "base64")].map((byte) => (byte > 127 ? byte - 256 : byte));
  }
}

function typeName(value: unknown): string {
  if (isDate(value)) return "Date";
  if (typeof value === "string") return "String";
  if (typeof value === "number") return "number";
  if (value === null || value === undefined) return "null";
  return "Object";
}
