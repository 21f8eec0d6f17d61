// The demo's checks of the Escalation Log (Value = its Latest period's value), the Portfolio (risk order, trends, skipped tabs) and the .xlsx (dropdown, severity formats).
import type ExcelJS from "exceljs";
import type { GasEnvironment } from "../../emulation/index";
import type { CellValue } from "../../src/domain/cell-value";
import { isDate } from "../../src/domain/cell-value";
import { ESCALATION_LOG_HEADER, TAB } from "../../src/domain/workbook-schema";
import { workbookFromEnvironment } from "../xlsx/export-workbook";
import type { TableRecord } from "./read-tab-table";

/** A yes/no check (the demo's `DemoCheck`). */
interface Check {
  name: string;
  passed: boolean | null;
  detail: string;
}

const same = (a: unknown, b: unknown) =>
  String(a ?? "")
    .trim()
    .toLowerCase() ===
  String(b ?? "")
    .trim()
    .toLowerCase();

function tabValues(env: GasEnvironment, name: string): CellValue[][] {
  return env.counter.uncounted(
    () => (env.spreadsheet.getSheetByName(name)?.getDataRange().getValues() as CellValue[][]) ?? [],
  );
}

/** Every unresolved log row: its Value is the value of its Latest period on the account tab, as the tab holds it now. */
function valueMatchesLatestPeriod(
  env: GasEnvironment,
  accounts: readonly { tab: string; account: string }[],
  escalations: readonly TableRecord[],
): Check {
  const wrong: string[] = [];
  let checked = 0;
  for (const row of escalations) {
    if (same(row.value.Status, "Resolved")) continue;
    const account = accounts.find((entry) => same(entry.account, row.value.Account));
    const values = account ? tabValues(env, account.tab) : [];
    const latest = row.value["Latest period"];
    const column = isDate(latest)
      ? (values[7] ?? []).findIndex((cell) => isDate(cell) && cell.getTime() === latest.getTime())
      : -1;
    const metric = values.find((cells) => same(cells[0], row.value.Metric));
    const cell = metric && column >= 0 ? metric[column] : undefined;
    checked += 1;
    if (cell === undefined || cell !== row.value.Value)
      wrong.push(
        `${row.text.ID}: Value ${row.text.Value}, ${row.text["Latest period"] || "no Latest period"} holds ${String(cell)}`,
      );
  }
  return {
    name: "every open Escalation Log row's Value is the value of its Latest period in the account tab",
    passed: checked > 0 && wrong.length === 0,
    detail: wrong.length === 0 ? `${checked}/${checked} open rows` : wrong.join("; "),
  };
}

const BAND_RISK: Record<string, number> = {
  Critical: 3,
  Red: 3,
  "At Risk": 2,
  Yellow: 2,
  Good: 1,
  Excellent: 0,
  Green: 0,
};

/** The Portfolio: sorted by risk, a trend for every account with a score, a reason for every tab the scan skipped. */
function portfolioChecks(env: GasEnvironment, skipped: readonly { tab: string; reason: string }[]): Check[] {
  const values = env.counter.uncounted(
    () => env.spreadsheet.getSheetByName(TAB.portfolio)?.getDataRange().getDisplayValues() ?? [],
  );
  const header = values[1] ?? [];
  const at = (name: string) => header.indexOf(name);
  const end = values.findIndex((row, index) => index > 1 && row.every((cell) => cell === ""));
  const rows = values.slice(2, end < 0 ? values.length : end);
  const risk = rows.map((row) => {
    const critical = /(\d+) Critical/.exec(row[at("Open by severity")])?.[1];
    return [Number(critical ?? 0), Number(row[at("Overdue")] || 0), BAND_RISK[row[at("Band")]] ?? -1];
  });
  const unsorted = risk.findIndex((key, index) => {
    if (index === 0) return false;
    const before = risk[index - 1];
    for (let i = 0; i < key.length; i += 1) if (key[i] !== before[i]) return key[i] > before[i];
    return false;
  });
  const noTrend = rows.filter(
    (row) => row[at("Health score")] !== "" && !/^[▁▂▃▄▅▆▇█·]+/.test(row[at("Trend")]),
  );
  const notRead = values.findIndex((row) => row[0] === "Tabs not read");
  const listed = notRead < 0 ? [] : values.slice(notRead + 1);
  const missing = skipped.filter(
    (entry) => !listed.some((row) => same(row[0], entry.tab) && String(row[1] ?? "").trim() !== ""),
  );
  return [
    {
      name: "the Portfolio is sorted by risk (open Critical, then overdue, then band)",
      passed: rows.length > 0 && unsorted < 0,
      detail: rows
        .map(
          (row) =>
            `${row[0]} (${row[at("Open by severity")]}; ${row[at("Overdue")]} overdue; ${row[at("Band")]})`,
        )
        .join(" › "),
    },
    {
      name: "the Portfolio shows a trend for every account with data and a reason for every skipped tab",
      passed: noTrend.length === 0 && missing.length === 0 && skipped.length > 0,
      detail:
        `${rows.map((row) => `${row[0]} ${row[at("Trend")]}`).join("; ")}; not read: ` +
        (missing.length === 0
          ? skipped.map((entry) => entry.tab).join(", ")
          : `missing ${missing.map((entry) => entry.tab).join(", ")}`),
    },
  ];
}

/** The .xlsx as the demo writes it: the Status dropdown and the severity conditional formats on the Escalation Log. */
function xlsxChecks(env: GasEnvironment): Check {
  const workbook = workbookFromEnvironment(env, { tabs: (name) => name === TAB.escalationLog });
  const sheet = workbook.getWorksheet(TAB.escalationLog) as ExcelJS.Worksheet;
  const status = ESCALATION_LOG_HEADER.indexOf("Status") + 1;
  const severity = ESCALATION_LOG_HEADER.indexOf("Severity") + 1;
  const validation = sheet.getCell(2, status).dataValidation;
  const dropdown = validation?.type === "list" ? String(validation.formulae?.[0] ?? "") : "";
  const letter = sheet.getColumn(severity).letter;
  const formats = (
    (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings ?? []
  )
    .filter((format) => format.ref.startsWith(`${letter}2:`))
    .flatMap((format) =>
      format.rules.map((rule) => String((rule as { formulae?: unknown[] }).formulae?.[0] ?? "")),
    );
  const severities = ["Critical", "Warning", "Watch"].filter((name) => formats.includes(`"${name}"`));
  return {
    name: "the .xlsx has the Status dropdown and the severity formats",
    passed: /Open,Acknowledged,Snoozed until …,Resolved/.test(dropdown) && severities.length === 3,
    detail: `Status dropdown ${dropdown || "missing"}; severity formats on ${letter}: ${severities.join(", ") || "none"}`,
  };
}

/** The checks of issue 14 §2–§3 over the demo's final workbook. */
export function logAndPortfolioChecks(
  env: GasEnvironment,
  accounts: readonly { tab: string; account: string }[],
  escalations: readonly TableRecord[],
  skipped: readonly { tab: string; reason: string }[],
): Check[] {
  return [
    valueMatchesLatestPeriod(env, accounts, escalations),
    ...portfolioChecks(env, skipped),
    xlsxChecks(env),
  ];
}
