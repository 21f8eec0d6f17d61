// Data validation rules and their builder (SpreadsheetApp.newDataValidation()), with the strict-list check.
import { isDate } from "../src/domain/cell-value";
import type { EmulationContext } from "./emulation-context";
import type { StoredValue } from "./formula-cell";

/** The criteria types the emulation knows (`SpreadsheetApp.DataValidationCriteria`). */
export const DataValidationCriteria = {
  VALUE_IN_LIST: "VALUE_IN_LIST",
  VALUE_IN_RANGE: "VALUE_IN_RANGE",
  CHECKBOX: "CHECKBOX",
  NUMBER_BETWEEN: "NUMBER_BETWEEN",
  NUMBER_GREATER_THAN_OR_EQUAL_TO: "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  NUMBER_LESS_THAN_OR_EQUAL_TO: "NUMBER_LESS_THAN_OR_EQUAL_TO",
  DATE_IS_VALID_DATE: "DATE_IS_VALID_DATE",
  TEXT_IS_VALID_EMAIL: "TEXT_IS_VALID_EMAIL",
  CUSTOM_FORMULA: "CUSTOM_FORMULA",
} as const;

/** One of {@link DataValidationCriteria}. */
export type DataValidationCriteriaType = (typeof DataValidationCriteria)[keyof typeof DataValidationCriteria];

/** The settings of a rule; shared by the builder and the built rule. */
interface RuleSpec {
  criteria: DataValidationCriteriaType | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A built data-validation rule (immutable, as in Apps Script). */
export class DataValidation {
  constructor(
    readonly ctx: EmulationContext,
    private readonly spec: RuleSpec,
  ) {}

  /** The rule's criteria type. */
  getCriteriaType(): DataValidationCriteriaType | null {
    return this.spec.criteria;
  }

  /** The criteria's arguments (for a list: `[values, showDropdown]`). */
  getCriteriaValues(): unknown[] {
    return this.spec.values.map((value) => (Array.isArray(value) ? [...value] : value));
  }

  /** False when invalid input is rejected. */
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  /** The help text, or null. */
  getHelpText(): string | null {
    return this.spec.helpText;
  }

  /** A builder pre-filled with this rule. */
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.ctx, { ...this.spec, values: this.getCriteriaValues() });
  }

  /** True when a value passes the rule (blank always passes); only list and checkbox rules are checked. */
  accepts_(value: StoredValue | undefined): boolean {
    if (value === undefined || value === "") return true;
    if (this.spec.criteria === DataValidationCriteria.VALUE_IN_LIST) {
      const allowed = (this.spec.values[0] as unknown[]).map((item) => String(item));
      const text = isDate(value) ? value.toISOString() : String(value);
      return allowed.includes(text);
    }
    if (this.spec.criteria === DataValidationCriteria.CHECKBOX) {
      if (this.spec.values.length === 0) return typeof value === "boolean";
      return this.spec.values.some((item) => item === value || String(item) === String(value));
    }
    return true;
  }
}

/** `SpreadsheetApp.newDataValidation()`: a builder of {@link DataValidation} rules. */
export class DataValidationBuilder {
  private spec: RuleSpec;

  constructor(
    readonly ctx: EmulationContext,
    spec?: RuleSpec,
  ) {
    this.spec = spec ?? { criteria: null, values: [], allowInvalid: true, helpText: null };
  }

  /** Requires the value to be one of `values`; `showDropdown` defaults to true. */
  requireValueInList(values: unknown[], showDropdown = true): DataValidationBuilder {
    if (!Array.isArray(values) || values.length === 0)
      throw this.ctx.error(
        "The parameters (number[]) don't match the method signature for requireValueInList.",
      );
    this.spec = {
      ...this.spec,
      criteria: DataValidationCriteria.VALUE_IN_LIST,
      values: [[...values], showDropdown],
    };
    return this;
  }

  /** Requires the value to be in a range's values (not checked by the emulation). */
  requireValueInRange(range: unknown, showDropdown = true): DataValidationBuilder {
    this.spec = {
      ...this.spec,
      criteria: DataValidationCriteria.VALUE_IN_RANGE,
      values: [range, showDropdown],
    };
    return this;
  }

  /** Requires a checkbox value (TRUE/FALSE, or the given checked/unchecked values). */
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilder {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    this.spec = { ...this.spec, criteria: DataValidationCriteria.CHECKBOX, values };
    return this;
  }

  /** Requires a number between `start` and `end` (not checked by the emulation). */
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    this.spec = { ...this.spec, criteria: DataValidationCriteria.NUMBER_BETWEEN, values: [start, end] };
    return this;
  }

  /** Requires a number ≥ `number` (not checked by the emulation). */
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder {
    this.spec = {
      ...this.spec,
      criteria: DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO,
      values: [number],
    };
    return this;
  }

  /** Requires a valid date (not checked by the emulation). */
  requireDate(): DataValidationBuilder {
    this.spec = { ...this.spec, criteria: DataValidationCriteria.DATE_IS_VALID_DATE, values: [] };
    return this;
  }

  /** Requires an email address (not checked by the emulation). */
  requireTextIsEmail(): DataValidationBuilder {
    this.spec = { ...this.spec, criteria: DataValidationCriteria.TEXT_IS_VALID_EMAIL, values: [] };
    return this;
  }

  /** Whether invalid input is only warned about (true, the default) or rejected (false). */
  setAllowInvalid(allowInvalid: boolean): DataValidationBuilder {
    this.spec = { ...this.spec, allowInvalid: Boolean(allowInvalid) };
    return this;
  }

  /** Text shown when the cell is hovered. */
  setHelpText(helpText: string): DataValidationBuilder {
    this.spec = { ...this.spec, helpText: String(helpText) };
    return this;
  }

  /** The criteria type set so far. */
  getCriteriaType(): DataValidationCriteriaType | null {
    return this.spec.criteria;
  }

  /** Builds the rule. Throws when no criteria was set. */
  build(): DataValidation {
    if (this.spec.criteria === null)
      throw this.ctx.error("You must specify a criteria type before building a rule.");
    return new DataValidation(this.ctx, { ...this.spec, values: [...this.spec.values] });
  }
}
