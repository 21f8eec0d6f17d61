// Small builders for the scan's unit tests: account tabs read by the real parser, rules, log entries (UTC dates).

import { accountTabRows } from "../../../emulation/workbooks/account-tab";
import type { CellValue } from "../../../src/domain/cell-value";
import type { CompiledRule } from "../../../src/domain/scan/compile-rules";
import { compileRules } from "../../../src/domain/scan/compile-rules";
import type { ParsedAccountTab } from "../../../src/domain/workbook/parse-account-tab";
import { parseAccountTab } from "../../../src/domain/workbook/parse-account-tab";
import type {
  EscalationLogEntry,
  ParsedEscalationLog,
} from "../../../src/domain/workbook/parse-escalation-log";
import { parseEscalationLog } from "../../../src/domain/workbook/parse-escalation-log";
import type { EscalationRule } from "../../../src/domain/workbook/parse-rules";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import type { Severity } from "../../../src/domain/workbook-schema";
import { COLUMNS } from "../../../src/domain/workbook-schema";

/** Midnight UTC of an ISO day. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** An account tab with the given metric rows (periods are `YYYY-MM`). */
export function accountTab(options: {
  account?: string;
  owner?: string;
  goLive?: string;
  periods: string[];
  metrics: { name: string; target?: string; values: CellValue[] }[];
}): ParsedAccountTab {
  const values = accountTabRows(
    {
      account: options.account ?? "Acme",
      owner: options.owner ?? "owner@agency.gov",
      goLive: options.goLive ?? "2025-10-01",
      provisionedUsers: 100,
      startingArr: 100000,
      contract: "",
      periods: options.periods,
      metrics: options.metrics.map((metric) => ({ ...metric, metric: metric.name })),
    },
    day,
  );
  const parsed = parseAccountTab(options.account ?? "Acme", values);
  if (isWorkbookProblem(parsed)) throw new Error(parsed.message);
  return parsed;
}

let nextRow = 2;

/** An escalation rule row. */
export function ruleRow(
  metric: string,
  severity: Severity,
  condition: string,
  extra: Partial<EscalationRule> = {},
): EscalationRule {
  return {
    row: nextRow++,
    metric,
    severity,
    condition,
    fromMonth: null,
    action: `Act on ${metric}`,
    respondWithin: "5 business days",
    segment: "All",
    escalateTo: [],
    reachesCo: false,
    ...extra,
  };
}

/** Compiled rules that must all parse. */
export function compiled(rules: EscalationRule[]): CompiledRule[] {
  const result = compileRules(rules);
  if (result.problems.length > 0) throw new Error(result.problems.join("\n"));
  return result.rules;
}

/** A parsed Escalation Log from rows keyed by header (missing columns blank). */
export function escalationLog(
  rows: Partial<Record<(typeof COLUMNS.escalationLog)[number], CellValue>>[],
): ParsedEscalationLog {
  const values: CellValue[][] = [
    [...COLUMNS.escalationLog],
    ...rows.map((row) => COLUMNS.escalationLog.map((column) => row[column] ?? "")),
  ];
  const parsed = parseEscalationLog(values);
  if (isWorkbookProblem(parsed)) throw new Error(parsed.message);
  return parsed;
}

/** The entry of a log by ID. */
export function entryById(log: ParsedEscalationLog, id: string): EscalationLogEntry {
  const entry = log.entries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no ${id}`);
  return entry;
}
