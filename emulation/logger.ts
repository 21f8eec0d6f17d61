// Logger and a recording console: what the script logged, kept for tests and optionally echoed.
import { format } from "node:util";
import type { EmulationContext } from "./emulation-context";
import { formatJavaString } from "./utilities";

/** One logged line. */
export interface LogLine {
  source: "Logger" | "console";
  level: "log" | "info" | "warn" | "error" | "debug";
  message: string;
}

/** Everything logged through Logger and console (emulation side). */
export class LogRecord {
  readonly lines: LogLine[] = [];

  constructor(
    /** Print each line to the real console as well. */
    public echo = false,
  ) {}

  /** Adds a line. */
  add(line: LogLine): void {
    this.lines.push(line);
    if (this.echo) console[line.level === "debug" ? "log" : line.level](`[${line.source}] ${line.message}`);
  }

  /** The messages only. */
  messages(): string[] {
    return this.lines.map((line) => line.message);
  }

  /** Forgets every line. */
  clear(): void {
    this.lines.length = 0;
  }

  /** A `console` object for the bundle's globals that records here (not counted as a service). */
  console(): Pick<Console, "log" | "info" | "warn" | "error" | "debug"> {
    const make =
      (level: LogLine["level"]) =>
      (...args: unknown[]) =>
        this.add({ source: "console", level, message: format(...args) });
    return {
      log: make("log"),
      info: make("info"),
      warn: make("warn"),
      error: make("error"),
      debug: make("debug"),
    };
  }
}

/** The emulated `Logger`. */
export class Logger {
  constructor(
    readonly ctx: EmulationContext,
    private readonly record: LogRecord,
  ) {}

  /** Logs a value, or a `%s`-style template with values. */
  log(data: unknown, ...values: unknown[]): Logger {
    const message =
      values.length > 0 && typeof data === "string"
        ? formatJavaString(data, values)
        : typeof data === "object" && data !== null
          ? JSON.stringify(data)
          : String(data);
    this.record.add({ source: "Logger", level: "log", message });
    return this;
  }

  /** Every Logger line of this execution, joined by newlines. */
  getLog(): string {
    return this.record.lines
      .filter((line) => line.source === "Logger")
      .map((line) => line.message)
      .join("\n");
  }

  /** Clears the Logger lines. */
  clear(): void {
    const kept = this.record.lines.filter((line) => line.source !== "Logger");
    this.record.lines.length = 0;
    this.record.lines.push(...kept);
  }
}
