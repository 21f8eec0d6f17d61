// createGasEnvironment: one in-memory Apps Script world (services, stores, recorders) for tests, demo and bench.
import { resolve } from "node:path";
import { Blob } from "./blob";
import type { CallCounter } from "./call-counter";
import { EmulatedClock, type Instant } from "./clock";
import { ConditionalFormatRule, ConditionalFormatRuleBuilder } from "./conditional-format";
import { countCalls, type ServiceClass } from "./count-calls";
import { DataValidation, DataValidationBuilder } from "./data-validation";
import { EmbeddedChart, EmbeddedChartBuilder } from "./embedded-chart";
import { EmulationContext, type ErrorConstructorLike } from "./emulation-context";
import { Filter } from "./filter";
import type { FormulaEvaluator } from "./formula-cell";
import { HtmlOutput } from "./html-output";
import { HtmlFiles, HtmlService } from "./html-service";
import { HtmlTemplate } from "./html-template";
import { Lock, LockRegistry, LockService } from "./lock-service";
import { Logger, LogRecord } from "./logger";
import type { MailAccountKind } from "./mail-app";
import { MailApp, MailOutbox } from "./mail-app";
import type { OAuthScopes } from "./oauth-scopes";
import { Properties, PropertiesService, PropertyStore, type PropertyStores } from "./properties-service";
import { Range } from "./range";
import { RangeList } from "./range-list";
import {
  AuthorizationInfo,
  ClockTriggerBuilder,
  ScriptApp,
  SpreadsheetTriggerBuilder,
  Trigger,
  TriggerBuilder,
  TriggerRegistry,
} from "./script-app";
import { Session, User } from "./session";
import { Sheet } from "./sheet";
import { sheetDate } from "./sheet-date";
import { Spreadsheet } from "./spreadsheet";
import { SpreadsheetApp } from "./spreadsheet-app";
import { isValidTimeZone } from "./time-zone";
import { Menu, PromptResponse, Ui, UiState } from "./ui";
import { Utilities } from "./utilities";

export type { CallCategories } from "./call-counter";
export { CallCounter, callKind } from "./call-counter";
export { EmulatedClock } from "./clock";
export type { FormulaEvaluator, FormulaLocation } from "./formula-cell";
export type { CustomFunction, FormulaEngineOptions } from "./formula-engine";
export { customFunctionsOf, FormulaError, formulaEngine } from "./formula-engine";
export type { MailAccountKind, SentEmail } from "./mail-app";
export { readManifestScopes } from "./manifest";
export { requiredScopes, SCOPE } from "./oauth-scopes";
export type { ReadValue } from "./range";
export { sheetDate } from "./sheet-date";
export type { DialogRecord, MenuEntry, MenuRecord } from "./ui";
export type {
  HtmlFiles,
  LockRegistry,
  LogRecord,
  MailOutbox,
  OAuthScopes,
  PropertyStores,
  Range,
  Sheet,
  Spreadsheet,
  TriggerRegistry,
  UiState,
};

/** How an environment starts. Every field is optional. */
export interface GasEnvironmentOptions {
  /** Document name (default "Untitled spreadsheet"). */
  spreadsheetName?: string;
  /** Document id (default a fixed 44-character id). */
  spreadsheetId?: string;
  /** Name of the tab a new document has (default "Sheet1"). */
  firstSheetName?: string;
  /** Spreadsheet time zone (default "Etc/UTC"). */
  timeZone?: string;
  /** Script project time zone, `Session.getScriptTimeZone()` (default: the spreadsheet's). */
  scriptTimeZone?: string;
  /** `Session.getActiveUser().getEmail()` (default "user@example.com"). */
  activeUserEmail?: string;
  /** `Session.getEffectiveUser().getEmail()`, the trigger owner (default: the active user). */
  effectiveUserEmail?: string;
  /** Recipients per rolling 24 hours (default: 100 for a consumer account, 1,500 for Workspace). */
  mailDailyQuota?: number;
  /** The kind of account the script runs as, for MailApp's limits (default `consumer`: 200 KB bodies). */
  mailAccount?: MailAccountKind;
  /** Make `MailApp.sendEmail` throw after this many successful sends. */
  mailFailAfter?: number;
  /** Freeze the clock at this instant (default: follow real time). */
  now?: Instant;
  /** Computes formula cells when read (default none: formulas read as their last value or ""). */
  formulaEvaluator?: FormulaEvaluator;
  /** Folder of the project's .html files for `createHtmlOutputFromFile` (default "./build"; null for none). */
  htmlDir?: string | null;
  /** In-memory .html files by name, looked up before `htmlDir`. */
  htmlFiles?: Record<string, string>;
  /** Caption of the add-on menu (default "KPI Steward"). */
  addOnMenuCaption?: string;
  /** Apply editor add-on trigger rules (default true): no everyMinutes, one trigger per event type. */
  addOnTriggerRules?: boolean;
  /** Print Logger and console lines as well as recording them (default false). */
  echoLogs?: boolean;
  /** `ScriptApp.getScriptId()`. */
  scriptId?: string;
  /**
   * `ScriptApp.getInstallationSource()`: "NONE" for a container-bound script (default when
   * `addOnTriggerRules` is false), "WEB_STORE_ADD_ON" (default otherwise) or "APPS_MARKETPLACE_DOMAIN_ADD_ON".
   */
  installationSource?: string;
  /**
   * The manifest's `oauthScopes`: a call needing a scope not listed throws as in Apps Script (default:
   * none given, nothing enforced; `loadBundle` sets build/appsscript.json's).
   */
  oauthScopes?: string[];
  /** The scopes the user has granted (default: all of the manifest's). */
  grantedScopes?: string[];
}

/** The objects a bundle sees as globals: pass this to `gas-local` (`gas.require(folder, globals)`). */
export interface GasGlobals {
  SpreadsheetApp: SpreadsheetApp;
  PropertiesService: PropertiesService;
  LockService: LockService;
  MailApp: MailApp;
  ScriptApp: ScriptApp;
  Session: Session;
  Utilities: Utilities;
  Logger: Logger;
  HtmlService: HtmlService;
  console: Pick<Console, "log" | "info" | "warn" | "error" | "debug">;
  [name: string]: unknown;
}

/** One emulated Apps Script world: the globals for the bundle plus handles for tests to set up and inspect. */
export interface GasEnvironment {
  /** The global object for `gas-local`. */
  globals: GasGlobals;
  /** The container spreadsheet (calls on it are counted like the bundle's; wrap setup in `counter.uncounted`). */
  spreadsheet: Spreadsheet;
  /** Sent messages, quota, failure injection. */
  mail: MailOutbox;
  /** The document, script and user property stores. */
  properties: PropertyStores;
  /** The trigger registry. */
  scriptApp: TriggerRegistry;
  /** Lock state; a test can make another execution hold a lock, or have no document lock. */
  lock: LockRegistry;
  /** The manifest's OAuth scopes, the user's grants, and the scopes the code under test used. */
  scopes: OAuthScopes;
  /** Menus, alerts, prompts, sidebars and dialogs shown; queued answers. */
  ui: UiState;
  /** Where HtmlService finds files; the template scope. */
  html: HtmlFiles;
  /** Logger and console lines. */
  logs: LogRecord;
  /** Service call counts. */
  counter: CallCounter;
  /** The emulated clock. */
  clock: EmulatedClock;
  /** Shared state of the services (error realm, formula evaluator). */
  context: EmulationContext;
  /** The emulated time. */
  now(): Date;
  /** Freezes the emulated clock at `instant`. */
  setNow(instant: Instant): void;
  /** Moves the emulated clock forward. */
  advance(ms: number): void;
  /** Creates (or refills) a tab from rows typed as a user would, growing it to fit; not counted. */
  sheetFromRows(name: string, rows: unknown[][]): Sheet;
  /** The Date a cell showing `iso` holds in this spreadsheet's time zone. */
  sheetDate(iso: string): Date;
  /** Plugs in (or with null removes) formula evaluation. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | null): void;
  /**
   * Runs `action` in a `ScriptApp.AuthMode` (e.g. "CUSTOM_FUNCTION", where writes, MailApp, triggers and
   * the UI are refused as in Apps Script), then restores the previous mode.
   */
  withAuthMode<T>(authMode: string, action: () => T): T;
  /** Makes service errors instances of `errorConstructor` (the bundle realm's `Error`). */
  useErrorConstructor(errorConstructor: ErrorConstructorLike): void;
}

const SERVICE_CLASSES: [ServiceClass, string][] = [
  [SpreadsheetApp, "SpreadsheetApp"],
  [Spreadsheet, "Spreadsheet"],
  [Sheet, "Sheet"],
  [Range, "Range"],
  [RangeList, "RangeList"],
  [DataValidationBuilder, "DataValidationBuilder"],
  [DataValidation, "DataValidation"],
  [ConditionalFormatRuleBuilder, "ConditionalFormatRuleBuilder"],
  [ConditionalFormatRule, "ConditionalFormatRule"],
  [Filter, "Filter"],
  [EmbeddedChartBuilder, "EmbeddedChartBuilder"],
  [EmbeddedChart, "EmbeddedChart"],
  [Ui, "Ui"],
  [Menu, "Menu"],
  [PromptResponse, "PromptResponse"],
  [HtmlService, "HtmlService"],
  [HtmlOutput, "HtmlOutput"],
  [HtmlTemplate, "HtmlTemplate"],
  [PropertiesService, "PropertiesService"],
  [Properties, "Properties"],
  [LockService, "LockService"],
  [Lock, "Lock"],
  [MailApp, "MailApp"],
  [ScriptApp, "ScriptApp"],
  [AuthorizationInfo, "AuthorizationInfo"],
  [TriggerBuilder, "TriggerBuilder"],
  [ClockTriggerBuilder, "ClockTriggerBuilder"],
  [SpreadsheetTriggerBuilder, "SpreadsheetTriggerBuilder"],
  [Trigger, "Trigger"],
  [Session, "Session"],
  [User, "User"],
  [Utilities, "Utilities"],
  [Blob, "Blob"],
  [Logger, "Logger"],
];

/** Builds a fresh emulated Apps Script world. See {@link GasEnvironmentOptions} for the defaults. */
export function createGasEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  for (const [serviceClass, name] of SERVICE_CLASSES) countCalls(serviceClass, name);

  const timeZone = options.timeZone ?? "Etc/UTC";
  if (!isValidTimeZone(timeZone)) throw new Error(`createGasEnvironment: unknown time zone "${timeZone}"`);
  const clock = new EmulatedClock(options.now);
  const activeUserEmail = options.activeUserEmail ?? "user@example.com";
  const ctx = new EmulationContext(clock, activeUserEmail, options.effectiveUserEmail ?? activeUserEmail);
  ctx.formulaEvaluator = options.formulaEvaluator ?? null;
  if (options.oauthScopes) ctx.scopes.setManifest(options.oauthScopes);
  if (options.grantedScopes) ctx.scopes.setGranted(options.grantedScopes);

  const spreadsheetId = options.spreadsheetId ?? "1EmuLatedKpiStewardSpreadsheet0000000000000A";
  const spreadsheet = new Spreadsheet(ctx, {
    name: options.spreadsheetName ?? "Untitled spreadsheet",
    id: spreadsheetId,
    timeZone,
    firstSheetName: options.firstSheetName ?? "Sheet1",
  });
  const mail = new MailOutbox(clock, options.mailDailyQuota, options.mailAccount);
  if (options.mailFailAfter !== undefined) mail.failAfter(options.mailFailAfter);
  const properties: PropertyStores = {
    document: new PropertyStore(),
    script: new PropertyStore(),
    user: new PropertyStore(),
  };
  const addOnRules = options.addOnTriggerRules ?? true;
  const triggers = new TriggerRegistry(addOnRules, spreadsheetId);
  const lock = new LockRegistry(clock);
  const ui = new UiState(options.addOnMenuCaption ?? "KPI Steward");
  const html = new HtmlFiles(options.htmlDir === undefined ? resolve("build") : options.htmlDir);
  for (const [name, content] of Object.entries(options.htmlFiles ?? {})) html.put(name, content);
  const logs = new LogRecord(options.echoLogs ?? false);

  const globals: GasGlobals = {
    SpreadsheetApp: new SpreadsheetApp(ctx, spreadsheet, ui),
    PropertiesService: new PropertiesService(ctx, properties),
    LockService: new LockService(ctx, lock),
    MailApp: new MailApp(ctx, mail),
    ScriptApp: new ScriptApp(
      ctx,
      triggers,
      options.scriptId ?? "1EmuLatedKpiStewardScriptProject00000000000",
      options.installationSource ?? (addOnRules ? "WEB_STORE_ADD_ON" : "NONE"),
    ),
    Session: new Session(ctx, options.scriptTimeZone ?? timeZone),
    Utilities: new Utilities(ctx),
    Logger: new Logger(ctx, logs),
    HtmlService: new HtmlService(ctx, html),
    console: logs.console(),
  };

  return {
    globals,
    spreadsheet,
    mail,
    properties,
    scriptApp: triggers,
    lock,
    scopes: ctx.scopes,
    ui,
    html,
    logs,
    counter: ctx.counter,
    clock,
    context: ctx,
    now: () => clock.now(),
    setNow: (instant) => clock.set(instant),
    advance: (ms) => clock.advance(ms),
    sheetFromRows: (name, rows) => ctx.counter.uncounted(() => fillSheet(spreadsheet, name, rows)),
    sheetDate: (iso) => sheetDate(iso, spreadsheet.timeZone),
    setFormulaEvaluator: (evaluator) => {
      ctx.formulaEvaluator = evaluator;
    },
    withAuthMode: (authMode, action) => {
      const previous = ctx.authMode;
      ctx.authMode = authMode;
      try {
        return action();
      } finally {
        ctx.authMode = previous;
      }
    },
    useErrorConstructor: (errorConstructor) => {
      ctx.errorConstructor = errorConstructor;
    },
  };
}

/** Creates the tab (at the end, leaving the active tab alone) or clears it, grows it and writes the rows. */
function fillSheet(spreadsheet: Spreadsheet, name: string, rows: unknown[][]): Sheet {
  let sheet = spreadsheet.getSheetByName(name);
  if (sheet) sheet.clear();
  else {
    const active = spreadsheet.activeSheet;
    sheet = spreadsheet.insertSheet(name, spreadsheet.sheets.length);
    spreadsheet.activeSheet = active;
  }
  const height = rows.length;
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  if (height > sheet.data.maxRows) sheet.data.insertRows(sheet.data.maxRows, height - sheet.data.maxRows);
  if (width > sheet.data.maxColumns)
    sheet.data.insertColumns(sheet.data.maxColumns, width - sheet.data.maxColumns);
  if (height > 0 && width > 0) {
    const padded = rows.map((row) =>
      row.length === width ? row : [...row, ...new Array(width - row.length).fill("")],
    );
    sheet.range_(1, 1, height, width).setValues(padded);
  }
  return sheet;
}
