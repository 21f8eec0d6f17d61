// ScriptApp: installable triggers (time-driven and spreadsheet) with Apps Script's rules and limits, and authorization info.
import type { EmulationContext } from "./emulation-context";
import {
  AuthMode,
  AuthorizationStatus,
  EventType,
  InstallationSource,
  TriggerSource,
  WeekDay,
} from "./enums";
import type { Spreadsheet } from "./spreadsheet";
import { isValidTimeZone } from "./time-zone";

/** Triggers one user may have on one script. */
export const MAX_TRIGGERS_PER_USER = 20;
/** The only intervals `everyMinutes` accepts. */
export const ALLOWED_MINUTE_INTERVALS = [1, 5, 10, 15, 30];
/** The only intervals `everyHours` accepts. */
export const ALLOWED_HOUR_INTERVALS = [1, 2, 4, 6, 8, 12];

/** When a time-driven trigger runs. */
export interface TriggerSchedule {
  every: "minutes" | "hours" | "days" | "weeks" | "once" | null;
  interval: number | null;
  atHour: number | null;
  nearMinute: number | null;
  onWeekDay: string | null;
  onMonthDay: number | null;
  at: Date | null;
  timeZone: string | null;
}

/** A registered trigger (emulation side). */
export interface TriggerInfo {
  id: string;
  handlerFunction: string;
  eventType: string;
  source: string;
  sourceId: string | null;
  /** Set for time-driven triggers. */
  schedule: TriggerSchedule | null;
  ownerEmail: string;
  /** The document the trigger was created from (an add-on's triggers belong to one document), or null. */
  documentId: string | null;
}

/**
 * The triggers of the project, as Apps Script keeps them: for every user and, for an add-on, every
 * document it was used in (a test adds another document's trigger with {@link TriggerRegistry.add}).
 */
export class TriggerRegistry {
  /** Every trigger, oldest first. */
  readonly triggers: TriggerInfo[] = [];
  private nextId = 7_300_000_001;
  /**
   * Whether `getUserTriggers(spreadsheet)` lists time-driven triggers created from that document.
   * Its reference page says it returns the user's installable triggers "in the given spreadsheet";
   * a time-driven trigger has no source document, so by default (strict) it is listed only by
   * `getProjectTriggers()`. Set true to check code also works where Apps Script lists it.
   */
  userTriggersIncludeTimeDriven = false;

  constructor(
    /** Editor add-on rules: no `everyMinutes`, one trigger of each event type per user and document. */
    public addOnRules: boolean,
    /** The container document: triggers created by the code under test belong to it. */
    readonly documentId: string,
  ) {}

  /** Triggers of one user. */
  ofUser(email: string): TriggerInfo[] {
    return this.triggers.filter((trigger) => trigger.ownerEmail === email);
  }

  /**
   * Registers a trigger as if made elsewhere (another document using the add-on, the Triggers page of
   * the editor, an earlier version), without the limits; returns it with its new unique id.
   */
  add(info: Partial<Omit<TriggerInfo, "id">> & { handlerFunction: string; ownerEmail: string }): TriggerInfo {
    const trigger: TriggerInfo = {
      eventType: EventType.CLOCK,
      source: TriggerSource.CLOCK,
      sourceId: null,
      schedule: null,
      documentId: this.documentId,
      ...info,
      id: String(this.nextId++),
    };
    this.triggers.push(trigger);
    return trigger;
  }

  /** Removes every trigger. */
  clear(): void {
    this.triggers.length = 0;
  }

  /** Registers a trigger after checking the per-user limits. */
  add_(ctx: EmulationContext, info: Omit<TriggerInfo, "id">): TriggerInfo {
    const mine = this.ofUser(info.ownerEmail);
    if (mine.length >= MAX_TRIGGERS_PER_USER)
      throw ctx.error(
        "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
      );
    // workspace/add-ons/concepts/editor-triggers: "Each add-on can only have one trigger of each type, per
    // user, per document."
    if (
      this.addOnRules &&
      mine.some((trigger) => trigger.eventType === info.eventType && trigger.documentId === info.documentId)
    )
      throw ctx.error(
        `An add-on can have only one ${info.eventType} trigger per user per document; delete the existing one before creating another.`,
      );
    const trigger = { ...info, id: String(this.nextId++) };
    this.triggers.push(trigger);
    return trigger;
  }

  /** Removes a trigger by id. */
  remove_(id: string): void {
    const index = this.triggers.findIndex((trigger) => trigger.id === id);
    if (index >= 0) this.triggers.splice(index, 1);
  }
}

/** The emulated `Trigger`. */
export class Trigger {
  constructor(
    readonly ctx: EmulationContext,
    readonly info: TriggerInfo,
  ) {}

  /** The global function the trigger calls. */
  getHandlerFunction(): string {
    return this.info.handlerFunction;
  }

  /** The trigger's unique id. */
  getUniqueId(): string {
    return this.info.id;
  }

  /** `ScriptApp.EventType` of the trigger. */
  getEventType(): string {
    return this.info.eventType;
  }

  /** `ScriptApp.TriggerSource` of the trigger. */
  getTriggerSource(): string {
    return this.info.source;
  }

  /** The document id for spreadsheet triggers, null for time-driven ones. */
  getTriggerSourceId(): string | null {
    return this.info.sourceId;
  }
}

/** The emulated `ClockTriggerBuilder`. */
export class ClockTriggerBuilder {
  private readonly schedule: TriggerSchedule = {
    every: null,
    interval: null,
    atHour: null,
    nearMinute: null,
    onWeekDay: null,
    onMonthDay: null,
    at: null,
    timeZone: null,
  };

  constructor(
    readonly ctx: EmulationContext,
    private readonly registry: TriggerRegistry,
    private readonly handlerFunction: string,
  ) {}

  /** Runs every `n` minutes; `n` must be 1, 5, 10, 15 or 30 (and add-ons may not use it). */
  everyMinutes(n: number): ClockTriggerBuilder {
    if (!ALLOWED_MINUTE_INTERVALS.includes(n))
      throw this.ctx.error(
        `Invalid argument: everyMinutes(${n}): the interval must be 1, 5, 10, 15 or 30 minutes.`,
      );
    if (this.registry.addOnRules)
      throw this.ctx.error(
        "Add-ons may not create time-driven triggers that run more often than once an hour.",
      );
    return this.every_("minutes", n);
  }

  /** Runs every `n` hours (1, 2, 4, 6, 8 or 12). */
  everyHours(n: number): ClockTriggerBuilder {
    if (!ALLOWED_HOUR_INTERVALS.includes(n))
      throw this.ctx.error(
        `Invalid argument: everyHours(${n}): the interval must be 1, 2, 4, 6, 8 or 12 hours.`,
      );
    return this.every_("hours", n);
  }

  /** Runs every `n` days. */
  everyDays(n: number): ClockTriggerBuilder {
    if (!(Number.isInteger(n) && n >= 1)) throw this.ctx.error(`Invalid argument: everyDays(${n})`);
    return this.every_("days", n);
  }

  /** Runs every `n` weeks. */
  everyWeeks(n: number): ClockTriggerBuilder {
    if (!(Number.isInteger(n) && n >= 1)) throw this.ctx.error(`Invalid argument: everyWeeks(${n})`);
    return this.every_("weeks", n);
  }

  /** Runs near hour `hour` (0–23), with everyDays or everyWeeks. */
  atHour(hour: number): ClockTriggerBuilder {
    if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23))
      throw this.ctx.error(`Invalid argument: atHour(${hour}): the hour must be 0 to 23.`);
    this.schedule.atHour = hour;
    return this;
  }

  /** Runs near minute `minute` (0–59) of the hour set with atHour. */
  nearMinute(minute: number): ClockTriggerBuilder {
    if (!(Number.isInteger(minute) && minute >= 0 && minute <= 59))
      throw this.ctx.error(`Invalid argument: nearMinute(${minute}): the minute must be 0 to 59.`);
    this.schedule.nearMinute = minute;
    return this;
  }

  /** Runs on a weekday (`ScriptApp.WeekDay`), with everyWeeks. */
  onWeekDay(day: string): ClockTriggerBuilder {
    if (!Object.values(WeekDay).includes(day as never))
      throw this.ctx.error(`Invalid argument: onWeekDay(${day})`);
    this.schedule.onWeekDay = day;
    return this;
  }

  /** Runs on a day of the month (1–31). */
  onMonthDay(day: number): ClockTriggerBuilder {
    if (!(Number.isInteger(day) && day >= 1 && day <= 31))
      throw this.ctx.error(`Invalid argument: onMonthDay(${day})`);
    this.schedule.onMonthDay = day;
    this.schedule.every = this.schedule.every ?? "days";
    return this;
  }

  /** Runs once at `date`. */
  at(date: Date): ClockTriggerBuilder {
    this.schedule.every = "once";
    this.schedule.at = new Date(date.getTime());
    return this;
  }

  /** Runs once, at least `durationMilliseconds` from now. */
  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.schedule.every = "once";
    this.schedule.at = new Date(this.ctx.clock.nowMillis() + durationMilliseconds);
    return this;
  }

  /** The time zone the hour and minute are read in. */
  inTimezone(timezone: string): ClockTriggerBuilder {
    if (!isValidTimeZone(timezone)) throw this.ctx.error(`Invalid argument: timezone ${timezone}`);
    this.schedule.timeZone = timezone;
    return this;
  }

  /** Registers the trigger. Throws for an incomplete schedule or past the trigger limits. */
  create(): Trigger {
    const s = this.schedule;
    if (s.every === null)
      throw this.ctx.error(
        "The trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, at or after before create().",
      );
    if (s.atHour !== null && s.every !== "days" && s.every !== "weeks")
      throw this.ctx.error("atHour() can only be used with everyDays() or everyWeeks().");
    if (s.nearMinute !== null && s.atHour === null) throw this.ctx.error("nearMinute() needs atHour().");
    if (s.onWeekDay !== null && s.every !== "weeks")
      throw this.ctx.error("onWeekDay() can only be used with everyWeeks().");
    const info = this.registry.add_(this.ctx, {
      handlerFunction: this.handlerFunction,
      eventType: EventType.CLOCK,
      source: TriggerSource.CLOCK,
      sourceId: null,
      schedule: { ...s },
      ownerEmail: this.ctx.effectiveUserEmail,
      documentId: this.registry.documentId,
    });
    return new Trigger(this.ctx, info);
  }

  private every_(every: TriggerSchedule["every"], interval: number): ClockTriggerBuilder {
    if (this.schedule.every !== null && this.schedule.every !== every)
      throw this.ctx.error("A time-driven trigger can have only one frequency.");
    this.schedule.every = every;
    this.schedule.interval = interval;
    return this;
  }
}

/** The emulated `SpreadsheetTriggerBuilder`. */
export class SpreadsheetTriggerBuilder {
  private eventType: string | null = null;

  constructor(
    readonly ctx: EmulationContext,
    private readonly registry: TriggerRegistry,
    private readonly handlerFunction: string,
    private readonly spreadsheetId: string,
  ) {}

  /** Fires when the document is opened. */
  onOpen(): SpreadsheetTriggerBuilder {
    this.eventType = EventType.ON_OPEN;
    return this;
  }

  /** Fires on each edit. */
  onEdit(): SpreadsheetTriggerBuilder {
    this.eventType = EventType.ON_EDIT;
    return this;
  }

  /** Fires on structural changes. */
  onChange(): SpreadsheetTriggerBuilder {
    this.eventType = EventType.ON_CHANGE;
    return this;
  }

  /** Fires on a form submission. */
  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.eventType = EventType.ON_FORM_SUBMIT;
    return this;
  }

  /** Registers the trigger. */
  create(): Trigger {
    if (this.eventType === null)
      throw this.ctx.error("The trigger has no event: call onOpen, onEdit, onChange or onFormSubmit.");
    const info = this.registry.add_(this.ctx, {
      handlerFunction: this.handlerFunction,
      eventType: this.eventType,
      source: TriggerSource.SPREADSHEETS,
      sourceId: this.spreadsheetId,
      schedule: null,
      ownerEmail: this.ctx.effectiveUserEmail,
      documentId: this.registry.documentId,
    });
    return new Trigger(this.ctx, info);
  }
}

/** The emulated `TriggerBuilder` (`ScriptApp.newTrigger(functionName)`). */
export class TriggerBuilder {
  constructor(
    readonly ctx: EmulationContext,
    private readonly registry: TriggerRegistry,
    private readonly handlerFunction: string,
  ) {}

  /** A time-driven trigger. */
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ctx, this.registry, this.handlerFunction);
  }

  /** A trigger on a spreadsheet (the object or its id). */
  forSpreadsheet(sheet: Spreadsheet | string): SpreadsheetTriggerBuilder {
    const id = typeof sheet === "string" ? sheet : sheet.getId();
    return new SpreadsheetTriggerBuilder(this.ctx, this.registry, this.handlerFunction, id);
  }
}

/** The emulated `AuthorizationInfo` (reference/script/authorization-info). */
export class AuthorizationInfo {
  constructor(
    readonly ctx: EmulationContext,
    private readonly required: boolean,
    private readonly url: string,
    private readonly authorized: string[],
  ) {}

  /** `ScriptApp.AuthorizationStatus.REQUIRED` when the user must authorize the script again. */
  getAuthorizationStatus(): string {
    return this.required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
  }

  /** The page where the user grants access; "If no authorization is required, this method returns null". */
  getAuthorizationUrl(): string | null {
    return this.required ? this.url : null;
  }

  /** The scopes (of those asked about) the user has authorized. */
  getAuthorizedScopes(): string[] {
    return [...this.authorized];
  }
}

/** The emulated `ScriptApp`. */
export class ScriptApp {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(
    readonly ctx: EmulationContext,
    private readonly registry: TriggerRegistry,
    private readonly scriptId: string,
    /** How the script came to the user: `NONE` for a bound script, else an add-on's installation. */
    private readonly installationSource: string = InstallationSource.NONE,
  ) {}

  /** Starts building a trigger that calls the global function `functionName`. */
  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== "string" || functionName === "")
      throw this.ctx.error("Invalid argument: functionName must name a global function.");
    return new TriggerBuilder(this.ctx, this.registry, functionName);
  }

  /**
   * "Gets all installable triggers associated with the current project and current user"
   * (reference/script/script-app#getProjectTriggers): every document's, for an add-on.
   */
  getProjectTriggers(): Trigger[] {
    return this.registry.ofUser(this.ctx.effectiveUserEmail).map((info) => new Trigger(this.ctx, info));
  }

  /**
   * "Gets all installable triggers owned by this user in the given spreadsheet, for this script or add-on
   * only" (reference/script/script-app#getUserTriggers(Spreadsheet)): the spreadsheet's own triggers
   * (open, edit, change, form submit), and time-driven ones made from it only when
   * `registry.userTriggersIncludeTimeDriven` says so.
   */
  getUserTriggers(document: Spreadsheet): Trigger[] {
    const id = document?.getId?.();
    if (typeof id !== "string") throw this.ctx.error("Invalid argument: document");
    return this.registry
      .ofUser(this.ctx.effectiveUserEmail)
      .filter((info) =>
        info.source === TriggerSource.CLOCK
          ? this.registry.userTriggersIncludeTimeDriven && info.documentId === id
          : info.sourceId === id,
      )
      .map((info) => new Trigger(this.ctx, info));
  }

  /** Deletes a trigger. */
  deleteTrigger(trigger: Trigger): void {
    if (!trigger || typeof trigger.getUniqueId !== "function")
      throw this.ctx.error("Invalid argument: trigger");
    this.registry.remove_(trigger.getUniqueId());
  }

  /** The script project's id. */
  getScriptId(): string {
    return this.scriptId;
  }

  /**
   * "Returns an enum value that indicates how the script came to be installed as an add-on for the
   * current user" (reference/script/script-app#getInstallationSource): `NONE` when it is not an add-on.
   */
  getInstallationSource(): string {
    return this.installationSource;
  }

  /**
   * Whether the user must authorize the script again (reference/script/script-app#getAuthorizationInfo):
   * in `FULL` mode, REQUIRED while the user has not granted every scope of the manifest (or of
   * `oAuthScopes` when given) — what happens after an update adds a scope. "No other authorization
   * mode requires that users grant authorization" (reference/script/authorization-info): NOT_REQUIRED.
   */
  getAuthorizationInfo(authMode: string, oAuthScopes?: string[]): AuthorizationInfo {
    if (!Object.values(AuthMode).includes(authMode as never))
      throw this.ctx.error(`Invalid argument: authMode ${String(authMode)}`);
    const scopes = this.ctx.scopes;
    const asked = oAuthScopes ? [...oAuthScopes] : [...(scopes.manifest ?? [])];
    const required = authMode === AuthMode.FULL && !scopes.allGranted(asked);
    const url = `https://script.google.com/macros/d/${this.scriptId}/authorize`;
    return new AuthorizationInfo(
      this.ctx,
      required,
      url,
      asked.filter((scope) => scopes.granted.includes(scope)),
    );
  }
}
