// npm run scan -- --xlsx FILE: loads an exported tracker into the emulation and prints what a scan would flag (changing nothing).
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createGasEnvironment, type GasEnvironment } from "../emulation/index";
import { loadBundle } from "../emulation/load-bundle";
import { isValidTimeZone } from "../emulation/time-zone";
import { ACCOUNT_HEADER_KEYS, normalizeHeader, TAB } from "../src/domain/workbook-schema";
import { textTable } from "./demo/text-table";
import { importWorkbook, WorkbookImportError } from "./xlsx/import-workbook";

const USAGE = "usage: npm run scan -- --xlsx tracker.xlsx [--time-zone America/New_York]";

/** Where the command writes. */
export interface ScanXlsxOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** Exit codes: 0 done, 2 the input cannot be scanned (message says why). */
export const EXIT_BAD_INPUT = 2;

interface Arguments {
  file?: string;
  timeZone: string;
  help: boolean;
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const result: Arguments = {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "Etc/UTC",
    help: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--help" || flag === "-h") result.help = true;
    else if (flag === "--xlsx") {
      const file = value();
      if (!file || file.startsWith("--")) return "--xlsx needs a file name";
      result.file = file;
    } else if (flag === "--time-zone") {
      const zone = value();
      if (!zone || !isValidTimeZone(zone))
        return `--time-zone must be an IANA time zone such as America/New_York, got "${zone ?? ""}"`;
      result.timeZone = zone;
    } else return `unknown argument "${arg}"`;
  }
  return result;
}

/** Account tabs of the imported workbook: A1 is `Account`, other than KPI Steward's own tabs. */
function accountTabs(env: GasEnvironment): string[] {
  const own = new Set(Object.values(TAB).map(normalizeHeader));
  const key = normalizeHeader(ACCOUNT_HEADER_KEYS[0]);
  return env.counter.uncounted(() =>
    env.spreadsheet
      .getSheets()
      .filter((sheet) => !own.has(normalizeHeader(sheet.getName())))
      .filter((sheet) => normalizeHeader(sheet.getRange(1, 1).getValue()) === key)
      .map((sheet) => sheet.getName()),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Prints a run summary of any shape: its numbers and text first, then each non-empty list as a table. */
function printSummary(summary: Record<string, unknown>, log: (line: string) => void): void {
  const scalars = Object.entries(summary).filter(([, value]) => !Array.isArray(value) && !isRecord(value));
  if (scalars.length > 0)
    log(
      textTable(
        ["", ""],
        scalars.map(([key, value]) => [key, cellText(value)]),
      )
        .split("\n")
        .slice(2)
        .join("\n"),
    );
  for (const [key, value] of Object.entries(summary)) {
    if (isRecord(value)) {
      log("");
      log(`${key}:`);
      for (const [field, inner] of Object.entries(value)) log(`  ${field}: ${cellText(inner)}`);
    }
    if (!Array.isArray(value) || value.length === 0) continue;
    log("");
    log(`${key} (${value.length})`);
    if (value.every(isRecord)) {
      const columns = [...new Set(value.flatMap((row) => Object.keys(row)))];
      log(
        textTable(
          columns,
          value.map((row) => columns.map((column) => cellText(row[column]))),
        ),
      );
    } else for (const item of value) log(`  ${cellText(item)}`);
  }
}

/**
 * Runs the command with `argv` (the arguments after `--`), printing to `output`; resolves to the exit
 * code. Bad input (no --xlsx, no such file, not an .xlsx, no account tab) gets one line and code 2.
 */
export async function runScanXlsx(
  argv: readonly string[],
  output: ScanXlsxOutput,
  buildDir = "build",
): Promise<number> {
  const args = parseArguments(argv);
  if (typeof args === "string") {
    output.error(`scan: ${args}. ${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (args.help) {
    output.log(USAGE);
    return 0;
  }
  if (!args.file) {
    output.error(`scan: which tracker? Give an exported .xlsx file: ${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const env = createGasEnvironment({ timeZone: args.timeZone, spreadsheetName: basename(args.file) });
  let tabs: string[];
  try {
    tabs = (await importWorkbook(env, args.file)).tabs;
  } catch (error) {
    if (error instanceof WorkbookImportError) {
      output.error(`scan: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
  const accounts = accountTabs(env);
  if (accounts.length === 0) {
    output.error(
      `scan: "${args.file}" has no account tab (a tab whose A1 is "Account"); its tabs are ${tabs.map((tab) => `"${tab}"`).join(", ")}`,
    );
    return EXIT_BAD_INPUT;
  }
  const missing = [TAB.settings, TAB.kpiCatalog, TAB.escalationRules].filter(
    (name) => !tabs.some((tab) => normalizeHeader(tab) === normalizeHeader(name)),
  );
  output.log(
    `Preview scan of ${args.file}: ${tabs.length} tabs, ${accounts.length} account tabs (${accounts.join(", ")}); ` +
      `time zone ${args.timeZone}. Nothing is changed or sent.`,
  );
  if (missing.length > 0)
    output.log(
      `Note: no ${missing.map((name) => `"${name}"`).join(", ")} tab; run Setup workbook in the sheet to add it.`,
    );

  const gas = loadBundle(env, buildDir);
  env.counter.reset();
  const result = JSON.parse(JSON.stringify(gas.previewScan() ?? null)) as unknown;
  const calls = env.counter.categories();
  output.log("");
  if (isRecord(result)) printSummary(result, output.log);
  else output.log(cellText(result));
  output.log("");
  output.log(
    `${calls.total} service calls (${calls.reads} reads, ${calls.writes} writes); ${env.mail.sent.length} emails sent.`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runScanXlsx(process.argv.slice(2), {
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error) => {
      console.error(`scan: ${(error as Error).message}`);
      process.exitCode = 1;
    });
}
