// npm run scan -- --xlsx FILE: loads an exported tracker into the emulation and prints what a scan would flag (changing nothing).
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createGasEnvironment, type GasEnvironment } from "../emulation/index";
import { loadBundle } from "../emulation/load-bundle";
import { isValidTimeZone } from "../emulation/time-zone";
import { countOf } from "../src/domain/plural";
import { ACCOUNT_HEADER_KEYS, normalizeHeader, TAB } from "../src/domain/workbook-schema";
import { callsText, type PreviewSummary, previewLastLine, printPreview } from "./scan-preview/print-preview";
import { importWorkbook, WorkbookImportError } from "./xlsx/import-workbook";
import { workbookTimeZone } from "./xlsx/workbook-time-zone";

const USAGE =
  'usage: npm run scan -- --xlsx tracker.xlsx [--time-zone America/New_York] (the "--" hands the options to the scan, not to npm)';

/** Where the command writes. */
export interface ScanXlsxOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** Exit codes: 0 done, 2 the input cannot be scanned (message says why). */
export const EXIT_BAD_INPUT = 2;

interface Arguments {
  file?: string;
  /** Given with --time-zone; otherwise the workbook's. */
  timeZone?: string;
  help: boolean;
}

/** The zone of the computer the preview runs on: the last resort when neither the flag nor the workbook names one. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "Etc/UTC";
}

function parseArguments(argv: readonly string[]): Arguments | string {
  const result: Arguments = { help: false };
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
    } else if (!arg.startsWith("-") && /\.xlsx$/i.test(arg) && result.file === undefined)
      return `"${arg}" came without --xlsx (npm keeps options typed before "--" for itself): type npm run scan -- --xlsx ${arg}`;
    else return `unknown argument "${arg}"`;
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
    // `npm run scan --xlsx f.xlsx` (no "--"): npm takes --xlsx as its own setting and passes only the file.
    const hint =
      process.env.npm_config_xlsx !== undefined ? ' (npm took --xlsx for itself: put "--" before it)' : "";
    output.error(`scan: which tracker? Give an exported .xlsx file${hint}: ${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  let zone: { timeZone: string; source: string };
  if (args.timeZone) zone = { timeZone: args.timeZone, source: "--time-zone" };
  else {
    let found: Awaited<ReturnType<typeof workbookTimeZone>> = null;
    try {
      found = existsSync(args.file) ? await workbookTimeZone(args.file) : null;
    } catch (_error) {
      found = null; // The import below says what is wrong with the file.
    }
    if (found && "problem" in found) {
      output.error(`scan: ${found.problem}; fix it or pass --time-zone. ${USAGE}`);
      return EXIT_BAD_INPUT;
    }
    zone = found ?? {
      timeZone: localTimeZone(),
      source: 'this computer\'s; the file names none: add a "Time zone" row to Settings or pass --time-zone',
    };
  }
  const env = createGasEnvironment({ timeZone: zone.timeZone, spreadsheetName: basename(args.file) });
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
    `Preview scan of ${args.file}: ${countOf(tabs.length, "tab")}, ${countOf(accounts.length, "account tab")} (${accounts.join(", ")}); ` +
      `time zone ${zone.timeZone} (${zone.source}). Nothing is changed or sent.`,
  );
  if (missing.length > 0)
    output.log(
      `Note: no ${missing.map((name) => `"${name}"`).join(", ")} tab; run Setup workbook in the sheet to add it.`,
    );

  const gas = loadBundle(env, buildDir);
  env.counter.reset();
  const result = JSON.parse(JSON.stringify(gas.previewScan() ?? null)) as unknown;
  const calls = env.counter.categories();
  if (!isRecord(result)) {
    output.log(cellText(result));
    return 0;
  }
  printPreview(result as unknown as PreviewSummary, output.log);
  output.log("");
  output.log(
    `${previewLastLine(result as unknown as PreviewSummary)} ${callsText(calls, env.mail.sent.length)}`,
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
