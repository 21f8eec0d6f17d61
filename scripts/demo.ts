// npm run demo: loads build/Code.js into the emulation over the sample portfolio, runs setup and three scans, writes out/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createGasEnvironment,
  customFunctionsOf,
  formulaEngine,
  type GasEnvironment,
} from "../emulation/index";
import { type BundleContext, loadBundle } from "../emulation/load-bundle";
import { COLUMNS, OPTIONAL_COLUMNS, SEVERITIES, TAB } from "../src/domain/workbook-schema";
import { digestChecks } from "./demo/digest-screens";
import { OUTAGE_ACCOUNT, runIncidentsDemo } from "./demo/incidents-demo";
import { logAndPortfolioChecks } from "./demo/log-portfolio-checks";
import { type JsonCell, jsonRecord, readTabTable, shownCell, type TableRecord } from "./demo/read-tab-table";
import { incidentReviewCheck, reviewChecks } from "./demo/review-checks";
import { annualReviews, generateReview, writeReviewPages } from "./demo/review-pages";
import { textTable } from "./demo/text-table";
import { isoOnClock, writeEmails } from "./demo/write-emails";
import { loadSample } from "./sample/load-sample";
import {
  buildSamplePortfolio,
  DEMO_TIME_ZONE,
  DEMO_TODAY,
  DEMO_USER,
  type SamplePortfolio,
} from "./sample/sample-portfolio";
import { exportWorkbook } from "./xlsx/export-workbook";

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Where to write (default `out`). */
  outDir?: string;
  /** Folder of the built bundle (default `build`). */
  buildDir?: string;
  /** Progress and report lines (default: none). */
  log?: (line: string) => void;
  /** Convert the xlsx to PDF when LibreOffice is on PATH (default true). */
  pdf?: boolean;
}

/** The run summary the scan entry points return (SPEC §7); other fields are kept as they come. */
export interface ScanSummary {
  accountsScanned?: number;
  breaches?: number;
  newEscalations?: number;
  emailsSent?: number;
  emailsQueued?: number;
  skipped?: { tab: string; reason: string }[];
  [field: string]: unknown;
}

/** One scan of the demo, as measured from outside the bundle. */
export interface DemoScan {
  label: string;
  /** What runScan() returned: the summary, or the message of a build where the scan is not available. */
  result: ScanSummary | string;
  /** Service calls the scan made (reads, writes, other, total). */
  calls: { reads: number; writes: number; other: number; total: number };
  /** Emails that reached the outbox during this scan. */
  emailsSent: number;
  /** Rows the Escalation Log gained. */
  newLogRows: number;
  /** Open escalations after the scan, by severity. */
  openBySeverity: Record<string, number>;
}

/** A yes/no check the demo reports. */
export interface DemoCheck {
  name: string;
  /** null when it could not be checked (the scan is not in this build). */
  passed: boolean | null;
  detail: string;
}

/** Everything the demo did, as written to out/summary.json. */
export interface DemoSummary {
  today: string;
  timeZone: string;
  bundle: { path: string; kilobytes: number };
  setup: unknown;
  setupCalls: number;
  scans: DemoScan[];
  /** Escalation Log rows: numbers as numbers, with `<column> shown` where Sheets shows them otherwise. */
  escalations: Record<string, JsonCell>[];
  reviewTabs: { account: string; quarter: string; result: unknown }[];
  /** The Portfolio tab as Sheets shows it: its formulas computed with the add-in's custom functions. */
  portfolio: Record<string, JsonCell>[];
  /** Each email sent, with the files it was written to. */
  emails: { to: string; subject: string; sentAt: string; file: string }[];
  checks: DemoCheck[];
  files: string[];
}

/** The demo's result: the summary and where things were written. */
export interface DemoResult {
  summary: DemoSummary;
  env: GasEnvironment;
  xlsxPath: string;
  pdfPath: string | null;
  emailFiles: string[];
}

/** 9:00 in New York on the demo's day: after the 7:00 scan hour. */
const DEMO_NOW = `${DEMO_TODAY}T14:00:00Z`;
const HOUR = 3_600_000;

function plain<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function normalize(text: unknown): string {
  return String(text ?? "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function logRows(env: GasEnvironment): TableRecord[] {
  return readTabTable(env, TAB.escalationLog, [...COLUMNS.escalationLog, ...OPTIONAL_COLUMNS.escalationLog]);
}

function openBySeverity(rows: readonly TableRecord[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0]));
  for (const row of rows) {
    const status = normalize(row.value.Status);
    const severity = String(row.value.Severity);
    if (status === "resolved") continue;
    counts[severity] = (counts[severity] ?? 0) + 1;
  }
  return counts;
}

/** Runs one scan from outside, measuring calls, emails and new log rows. */
function measuredScan(env: GasEnvironment, gas: BundleContext, label: string): DemoScan {
  const emailsBefore = env.mail.sent.length;
  const rowsBefore = logRows(env).length;
  env.counter.reset();
  const result = plain(gas.runScan()) as ScanSummary | string;
  const calls = env.counter.categories();
  const rows = logRows(env);
  return {
    label,
    result,
    calls,
    emailsSent: env.mail.sent.length - emailsBefore,
    newLogRows: rows.length - rowsBefore,
    openBySeverity: openBySeverity(rows),
  };
}

function cellBackground(env: GasEnvironment, tab: string, a1: string): string {
  return env.counter.uncounted(() => env.spreadsheet.getSheetByName(tab)?.getRange(a1).getBackground() ?? "");
}

/** The checks of the demo's "done when": each escalation once, no repeat emails, the user's colour back. */
function demoChecks(
  sample: SamplePortfolio,
  scans: DemoScan[],
  escalations: TableRecord[],
  colours: { afterFirst: string; afterFix: string },
): DemoCheck[] {
  const [first, second, third] = scans;
  if (typeof first.result === "string")
    return [{ name: "scan available in this build", passed: null, detail: first.result }];
  const checks: DemoCheck[] = [];
  const counts = sample.expectedEscalations.map((expected) => {
    const matches = escalations.filter(
      (row) =>
        normalize(row.value.Account) === normalize(expected.account) &&
        normalize(row.value.Metric) === normalize(expected.metric) &&
        normalize(row.value.Condition).startsWith(normalize(expected.condition)) &&
        normalize(row.value.Severity) === normalize(expected.severity),
    ).length;
    return { expected, matches };
  });
  const wrong = counts.filter((count) => count.matches !== 1);
  checks.push({
    name: "every escalation of the sample appears exactly once in the Escalation Log",
    passed: wrong.length === 0,
    detail:
      wrong.length === 0
        ? `${counts.length}/${counts.length}`
        : wrong
            .map(
              (w) => `${w.expected.account} · ${w.expected.metric} · ${w.expected.condition}: ${w.matches}×`,
            )
            .join("; "),
  });
  const unexpected = escalations.filter(
    (row) =>
      !sample.expectedEscalations.some(
        (expected) =>
          normalize(row.value.Account) === normalize(expected.account) &&
          normalize(row.value.Metric) === normalize(expected.metric) &&
          normalize(row.value.Condition).startsWith(normalize(expected.condition)),
      ),
  );
  checks.push({
    name: "no escalation the sample does not call for",
    passed: unexpected.length === 0,
    detail:
      unexpected.length === 0
        ? "none"
        : unexpected
            .map((row) => `${row.text.Account} · ${row.text.Metric} · ${row.text.Condition}`)
            .join("; "),
  });
  const secondSummary = second.result as ScanSummary;
  const quiet =
    second.emailsSent === 0 && second.newLogRows === 0 && (secondSummary.newEscalations ?? 0) === 0;
  checks.push({
    name: "second scan: 0 new emails, 0 new log rows",
    passed: quiet,
    detail: `${second.emailsSent} emails, ${second.newLogRows} log rows, ${secondSummary.newEscalations ?? "?"} new escalations`,
  });
  const skipped = (first.result as ScanSummary).skipped ?? [];
  const malformed = skipped.find((entry) => entry.tab === sample.malformedTab.tab);
  checks.push({
    name: `malformed tab "${sample.malformedTab.tab}" skipped with a reason`,
    passed: Boolean(malformed?.reason),
    detail: malformed ? malformed.reason : "not in the skipped list",
  });
  const missing = (first.result as ScanSummary).missingData;
  if (Array.isArray(missing)) {
    const listed = sample.expectedMissing.filter((expected) =>
      missing.some(
        (entry: { account?: string; metric?: string }) =>
          normalize(entry.account) === normalize(expected.account) &&
          normalize(entry.metric) === normalize(expected.metric),
      ),
    );
    checks.push({
      name: "the blank input of the latest month is listed as missing data",
      passed:
        listed.length === sample.expectedMissing.length && missing.length === sample.expectedMissing.length,
      detail: missing
        .map(
          (entry: { account?: string; metric?: string; period?: string }) =>
            `${entry.account} · ${entry.metric} · ${entry.period}`,
        )
        .join("; "),
    });
  }
  const cell = sample.userColouredCell;
  checks.push({
    name: `breaching cell ${cell.tab}!${cell.a1} highlighted, then the user's own colour restored after the fix`,
    passed: colours.afterFirst !== cell.colour && colours.afterFix === cell.colour,
    detail: `user ${cell.colour} → scan 1 ${colours.afterFirst} → scan 3 ${colours.afterFix}`,
  });
  if (third) {
    const fixed = escalations.find(
      (row) =>
        normalize(row.value.Account) === normalize(cell.tab) &&
        normalize(row.value.Metric) === "system uptime",
    );
    checks.push({
      name: "the fixed breach is marked Resolved by the third scan",
      passed: fixed ? normalize(fixed.value.Status) === "resolved" : false,
      detail: fixed
        ? `${fixed.text.ID}: ${fixed.text.Status}${fixed.text.Note ? ` (${fixed.text.Note})` : ""}`
        : "no row",
    });
  }
  return checks;
}

/** The role the demo's Roles tab names a person for (the escalation matrix sends it the touchpoint escalations). */
const POSTURE_LEAD = { role: "Federal Posture Lead", email: "posture.lead@example.gov" };

/**
 * The checks of segments and roles: commercial accounts read no federal wording (review tab and
 * digest), a health-score trigger fires on a federal account, and the role named in Escalate to gets
 * exactly one digest per run with its items, then nothing on the second scan.
 */
function segmentChecks(
  env: GasEnvironment,
  sample: SamplePortfolio,
  scans: DemoScan[],
  escalations: TableRecord[],
  reviewTabs: DemoSummary["reviewTabs"],
  portfolio: Record<string, string>[],
): DemoCheck[] {
  const checks: DemoCheck[] = [];
  const commercial = sample.accounts.filter((account) => account.kind === "saas");
  const federal = sample.accounts.filter((account) => account.kind === "federal");
  const federalWords =
    /CPARS|ISSO|POA&M|\bCLINs?\b|option years?|contracting officer|agency|agencies|\bCO\b|QASP/i;
  const leaks: string[] = [];
  for (const account of commercial) {
    const review = reviewTabs.find((tab) => tab.account === account.account)?.result;
    const sheet = typeof review === "string" ? env.spreadsheet.getSheetByName(review) : null;
    const text = sheet
      ? env.counter.uncounted(() => sheet.getDataRange().getDisplayValues().flat().join("\n"))
      : "";
    const hit = federalWords.exec(text);
    if (hit) leaks.push(`${account.account} review: "${hit[0]}"`);
    const row = portfolio.find((line) => line.Account === account.account);
    const inRow = federalWords.exec(Object.values(row ?? {}).join(" · "));
    if (inRow) leaks.push(`${account.account} Portfolio row: "${inRow[0]}"`);
    for (const mail of env.mail.sent.filter((email) => email.to === account.owner)) {
      const found = federalWords.exec(`${mail.subject}\n${mail.body}`);
      if (found) leaks.push(`${account.account} digest to ${mail.to}: "${found[0]}"`);
    }
  }
  checks.push({
    name: "no federal wording in a commercial account's review tab, Portfolio row or digest",
    passed: commercial.length > 0 && leaks.length === 0,
    detail: leaks.length === 0 ? commercial.map((account) => account.account).join(", ") : leaks.join("; "),
  });
  const health = escalations.filter(
    (row) =>
      normalize(row.value.Metric) === "health score" &&
      federal.some((account) => normalize(account.account) === normalize(row.value.Account)),
  );
  checks.push({
    name: "a health-score trigger opens an escalation on a federal account",
    passed: health.length > 0,
    detail:
      health.map((row) => `${row.text.ID} ${row.text.Account} · ${row.text.Condition}`).join("; ") || "none",
  });
  const first = scans[0];
  const leadMails = env.mail.sent.filter((email) => email.to === POSTURE_LEAD.email);
  const firstRunMails = leadMails.filter(
    (email) => email.sentAt.getTime() < Date.parse(DEMO_NOW) + 60 * 60 * 1000,
  );
  const named = escalations.filter((row) => String(row.text.Notified ?? "").includes(POSTURE_LEAD.email));
  checks.push({
    name: `${POSTURE_LEAD.role} (Escalate to) gets exactly one digest in a run, with its items, and none on the second scan`,
    passed:
      typeof first.result !== "string" &&
      firstRunMails.length === 1 &&
      named.length > 0 &&
      named.every((row) => firstRunMails[0].body.includes(String(row.text.ID))) &&
      scans[1].emailsSent === 0,
    detail:
      `${firstRunMails.length} digest(s) in scan 1 covering ${named.map((row) => row.text.ID).join(", ") || "nothing"}; ` +
      `${scans[1].emailsSent} email(s) in scan 2`,
  });
  return checks;
}

function libreOffice(): string | null {
  for (const command of ["libreoffice", "soffice"]) {
    const probe = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
    if (probe.status === 0 && probe.stdout.trim()) return probe.stdout.trim();
  }
  return null;
}

/** Converts the xlsx to PDF with LibreOffice; returns the PDF path, or null with the reason logged. */
function convertToPdf(xlsxPath: string, outDir: string, log: (line: string) => void): string | null {
  const office = libreOffice();
  if (!office) {
    log("  (no libreoffice/soffice on PATH: skipping the PDF)");
    return null;
  }
  const result = spawnSync(office, ["--headless", "--convert-to", "pdf", "--outdir", outDir, xlsxPath], {
    encoding: "utf8",
    timeout: 180_000,
  });
  const pdfPath = xlsxPath.replace(/\.xlsx$/, ".pdf");
  if (result.status !== 0 || !existsSync(pdfPath)) {
    log(
      `  (LibreOffice could not convert the workbook: ${(result.stderr || result.error?.message || "").trim()})`,
    );
    return null;
  }
  return pdfPath;
}

/** Runs the whole demo and writes out/; see the README's demo section. */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const log = options.log ?? (() => {});
  const outDir = resolve(options.outDir ?? "out");
  const buildDir = resolve(options.buildDir ?? "build");
  const bundlePath = join(buildDir, "Code.js");
  if (!existsSync(bundlePath)) throw new Error(`demo: no ${bundlePath}; run "npm run build" first`);

  log(`▸ Emulated spreadsheet: today ${DEMO_TODAY} 09:00 ${DEMO_TIME_ZONE}, user ${DEMO_USER}`);
  const env = createGasEnvironment({
    spreadsheetName: "CS Portfolio (KPI Steward demo)",
    timeZone: DEMO_TIME_ZONE,
    now: DEMO_NOW,
    activeUserEmail: DEMO_USER,
    firstSheetName: TAB.settings,
    mailDailyQuota: 100,
  });
  const sample = buildSamplePortfolio((iso) => env.sheetDate(iso));
  loadSample(env, sample.tabs);
  log(
    `▸ Sample portfolio: ${sample.accounts.length} accounts (${sample.accounts.map((a) => a.account).join(", ")}), ` +
      `${sample.periods.length} months ${sample.periods[0].slice(0, 7)} … ${sample.periods.at(-1)?.slice(0, 7)}, ` +
      `plus "${sample.malformedTab.tab}" (${sample.malformedTab.problem})`,
  );

  const kilobytes = Math.round(readFileSync(bundlePath).length / 102.4) / 10;
  log(
    `▸ Loading ${relative(process.cwd(), bundlePath)} (${kilobytes} KB) into a vm context over the emulation`,
  );
  const gas = loadBundle(env, buildDir);
  // Formula cells (the Portfolio's =HEALTH_BAND(…), =COUNTIFS(…)) compute as in Sheets, with the bundle's
  // own custom functions, so the report and the .xlsx show their values.
  env.setFormulaEvaluator(
    formulaEngine({
      functions: customFunctionsOf(gas),
      counter: env.counter,
      runCustomFunction: (call) => env.withAuthMode("CUSTOM_FUNCTION", call),
    }),
  );

  log('▸ setupWorkbook("federal")');
  env.counter.reset();
  const setup = plain(gas.setupWorkbook("federal"));
  const setupCalls = env.counter.total();
  // The team fills in the Roles tab setup made: the Federal Posture Lead is told of what the matrix escalates to them.
  log(`▸ Roles: ${POSTURE_LEAD.role} → ${POSTURE_LEAD.email}`);
  env.counter.uncounted(() => {
    const roles = env.spreadsheet.getSheetByName(TAB.roles);
    const values = roles?.getDataRange().getValues() ?? [];
    const row = values.findIndex((cells) => cells[0] === POSTURE_LEAD.role);
    if (roles && row > 0) roles.getRange(row + 1, 2).setValue(POSTURE_LEAD.email);
  });

  const scans: DemoScan[] = [];
  log("▸ Scan 1: runScan()");
  scans.push(measuredScan(env, gas, "1 first scan"));
  const cell = sample.userColouredCell;
  const afterFirst = cellBackground(env, cell.tab, cell.a1);

  env.advance(2 * HOUR);
  log("▸ Scan 2, two hours later: runScan()");
  scans.push(measuredScan(env, gas, "2 same day, again"));

  env.advance(HOUR);
  log(
    `▸ The user corrects ${cell.tab}!${cell.a1} (${cell.breachingValue} → ${cell.correctedValue}); Scan 3: runScan()`,
  );
  env.counter.uncounted(() =>
    env.spreadsheet.getSheetByName(cell.tab)?.getRange(cell.a1).setValue(cell.correctedValue),
  );
  scans.push(measuredScan(env, gas, "3 after the fix"));
  const afterFix = cellBackground(env, cell.tab, cell.a1);

  const latest = env.sheetDate(sample.periods[sample.periods.length - 1]);
  const quarter = String(gas.FISCAL_QUARTER(latest, "October"));
  const reviewTabs: DemoSummary["reviewTabs"] = [];
  for (const account of sample.accounts) {
    log(`▸ generateReviewTab("${account.account}", "${quarter}")`);
    let result: unknown;
    try {
      result = plain(gas.generateReviewTab(account.account, quarter));
    } catch (error) {
      result = `error: ${(error as Error).message}`;
    }
    reviewTabs.push({ account: account.account, quarter, result });
  }
  reviewTabs.push(...annualReviews(env, gas, sample, log));

  const escalations = logRows(env);
  const portfolioRecords = readTabTable(env, TAB.portfolio, COLUMNS.portfolio, {
    headerRow: 2,
    untilBlankRow: true,
  });
  const portfolio = portfolioRecords.map((row) => ({ ...row.text }));
  const checks = [
    ...demoChecks(sample, scans, escalations, { afterFirst, afterFix }),
    ...segmentChecks(env, sample, scans, escalations, reviewTabs, portfolio),
    ...reviewChecks(env, sample.accounts, reviewTabs, {
      tab: sample.userColouredCell.tab,
      metric: "System uptime",
    }),
    ...logAndPortfolioChecks(
      env,
      sample.accounts,
      escalations,
      (scans[0].result as ScanSummary).skipped ?? [],
    ),
  ];
  checks.push(...runIncidentsDemo(env, gas, sample.periods, log));
  const outageReview = generateReview(gas, OUTAGE_ACCOUNT, quarter, log);
  reviewTabs.push(outageReview);
  checks.push(incidentReviewCheck(env, outageReview, "INC-2026-031"));

  log(`▸ Writing ${relative(process.cwd(), outDir) || "."}/`);
  rmSync(join(outDir, "emails"), { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const xlsxPath = join(outDir, "kpi-steward-demo.xlsx");
  await exportWorkbook(env, xlsxPath);
  const emailFiles = writeEmails(env.mail.sent, join(outDir, "emails"), DEMO_TIME_ZONE);
  const digests = await digestChecks(emailFiles);
  checks.push(...digests.checks);
  log("▸ Converting the workbook to PDF with LibreOffice");
  const pdfPath = options.pdf === false ? null : convertToPdf(xlsxPath, outDir, log);
  const reviewFiles = await writeReviewPages(env, reviewTabs, join(outDir, "review"), (file) =>
    options.pdf === false ? null : convertToPdf(file, join(outDir, "review"), log),
  );
  const summaryPath = join(outDir, "summary.json");
  const files = [
    xlsxPath,
    ...(pdfPath ? [pdfPath] : []),
    ...reviewFiles,
    ...emailFiles,
    ...digests.screenshots,
    summaryPath,
  ].map((file) => relative(process.cwd(), file));

  const summary: DemoSummary = {
    today: DEMO_TODAY,
    timeZone: DEMO_TIME_ZONE,
    bundle: { path: relative(process.cwd(), bundlePath), kilobytes },
    setup,
    setupCalls,
    scans,
    escalations: escalations.map(jsonRecord),
    reviewTabs,
    portfolio: portfolioRecords.map(jsonRecord),
    emails: env.mail.sent.map((email, index) => ({
      to: email.to,
      subject: email.subject,
      sentAt: isoOnClock(email.sentAt, DEMO_TIME_ZONE),
      file: relative(process.cwd(), emailFiles[index * 2]),
    })),
    checks,
    files,
  };
  writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
  return { summary, env, xlsxPath, pdfPath, emailFiles };
}

/** The Escalation Log columns the terminal report shows. */
const LOG_REPORT_COLUMNS = [
  "ID",
  "Account",
  "Metric",
  "Since",
  "Latest period",
  "Value",
  "Condition",
  "Severity",
  "Due",
  "Status",
];

function count(value: unknown): number | string {
  return typeof value === "number" ? value : "–";
}

/** The readable report printed after the run. */
export function formatReport(summary: DemoSummary): string {
  const lines: string[] = [""];
  lines.push(
    `KPI Steward demo · ${summary.today} · ${summary.timeZone} · ${summary.bundle.path} (${summary.bundle.kilobytes} KB)`,
  );
  lines.push("");
  const setup = summary.setup as { created?: string[]; kept?: string[]; notes?: string[] } | string;
  if (typeof setup === "string") lines.push(`Setup workbook: ${setup}`);
  else {
    lines.push(`Setup workbook (federal), ${summary.setupCalls} service calls`);
    lines.push(`  created: ${setup.created?.join(", ") || "nothing"}`);
    lines.push(`  kept:    ${setup.kept?.join(", ") || "nothing"}`);
    for (const note of setup.notes ?? []) lines.push(`  note:    ${note}`);
  }
  lines.push("");
  const available = summary.scans.filter((scan) => typeof scan.result !== "string");
  if (available.length === 0) {
    lines.push(`Scans: ${summary.scans[0]?.result}`);
  } else {
    lines.push("Scans");
    lines.push(
      textTable(
        [
          "run",
          "accounts",
          "breaches",
          "Watch",
          "Warning",
          "Critical",
          "new esc.",
          "resolved",
          "emails sent",
          "queued",
          "skipped",
          "log rows +",
          "service calls",
        ],
        summary.scans.map((scan) => {
          const result = scan.result as ScanSummary;
          return [
            scan.label,
            count(result.accountsScanned),
            count(result.breaches),
            scan.openBySeverity.Watch ?? 0,
            scan.openBySeverity.Warning ?? 0,
            scan.openBySeverity.Critical ?? 0,
            count(result.newEscalations),
            count(result.resolved),
            count(result.emailsSent),
            count(result.emailsQueued),
            result.skipped?.length ?? 0,
            scan.newLogRows,
            `${scan.calls.total} (${scan.calls.reads} read, ${scan.calls.writes} write)`,
          ];
        }),
      ),
    );
    lines.push("  (Watch/Warning/Critical: open escalations in the Escalation Log after the run)");
    for (const scan of summary.scans) {
      const message = (scan.result as ScanSummary).message;
      if (typeof message === "string") lines.push(`  ${scan.label.slice(0, 1)}: ${message}`);
    }
    const first = summary.scans[0].result as ScanSummary;
    const skipped = first.skipped ?? [];
    if (skipped.length > 0) {
      lines.push("");
      lines.push("Skipped tabs");
      for (const entry of skipped) lines.push(`  ${entry.tab}: ${entry.reason}`);
    }
    const missing = Array.isArray(first.missingData) ? (first.missingData as Record<string, unknown>[]) : [];
    if (missing.length > 0) {
      lines.push("");
      lines.push("Missing data (no value for a period that has ended)");
      for (const entry of missing)
        lines.push(
          `  ${entry.account} · ${entry.metric} · ${entry.period}${entry.cell ? ` (${entry.cell})` : ""}`,
        );
    }
  }
  if (summary.escalations.length > 0) {
    lines.push("");
    lines.push(`Escalation Log (${summary.escalations.length} rows)`);
    lines.push(
      textTable(
        LOG_REPORT_COLUMNS,
        summary.escalations.map((row) => LOG_REPORT_COLUMNS.map((column) => shownCell(row, column))),
      ),
    );
  }
  if (summary.emails.length > 0) {
    lines.push("");
    lines.push(`Emails (${summary.emails.length})`);
    lines.push(
      textTable(
        ["file", "to", "subject"],
        summary.emails.map((email) => [
          email.file.replace(/\.html$/, ".{html,txt}"),
          email.to,
          email.subject,
        ]),
      ),
    );
  }
  if (summary.portfolio.length > 0) {
    lines.push("");
    lines.push(
      `Portfolio (${summary.portfolio.length} accounts; formulas computed with the add-in's custom functions)`,
    );
    lines.push(
      textTable(
        [...COLUMNS.portfolio],
        summary.portfolio.map((row) => COLUMNS.portfolio.map((column) => shownCell(row, column))),
      ),
    );
  }
  lines.push("");
  lines.push("Review tabs");
  for (const review of summary.reviewTabs)
    lines.push(`  ${review.account}, ${review.quarter}: ${String(review.result)}`);
  lines.push("");
  lines.push("Checks");
  for (const check of summary.checks) {
    const mark = check.passed === null ? "–" : check.passed ? "✓" : "✗";
    lines.push(`  ${mark} ${check.name}: ${check.detail}`);
  }
  lines.push("");
  const emails = summary.files.filter((file) => file.endsWith(".html")).length;
  lines.push(
    `Files (${summary.files.length}; ${emails} emails as .html + .txt + screenshots at 360 and 800 px)`,
  );
  for (const file of summary.files.filter((name) => !name.includes("emails"))) lines.push(`  ${file}`);
  const emailDir = summary.files.find((file) => file.includes("emails"));
  const emailFileCount = summary.files.filter((file) => file.includes("emails")).length;
  if (emailDir)
    lines.push(`  ${emailDir.slice(0, emailDir.lastIndexOf("/") + 1)}  (${emailFileCount} files)`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const started = Date.now();
  const { summary } = await runDemo({ log: (line) => console.log(line) });
  console.log(formatReport(summary));
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (summary.checks.some((check) => check.passed === false)) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`demo: ${(error as Error).message}`);
    process.exit(1);
  });
}
