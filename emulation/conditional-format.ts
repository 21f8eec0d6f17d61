// Conditional-format rules (SpreadsheetApp.newConditionalFormatRule()): text conditions with a background, font colour and weight.
import { normalizeColor } from "./colors";
import type { EmulationContext } from "./emulation-context";
import type { Range } from "./range";

/**
 * The boolean criteria the emulation knows (`SpreadsheetApp.BooleanCriteria`, reference page
 * spreadsheet/boolean-criteria): the three text tests KPI Steward uses. Others are not emulated.
 */
export const BooleanCriteria = {
  TEXT_EQUAL_TO: "TEXT_EQUAL_TO",
  TEXT_STARTS_WITH: "TEXT_STARTS_WITH",
  TEXT_CONTAINS: "TEXT_CONTAINS",
} as const;

/** One of {@link BooleanCriteria}. */
export type BooleanCriteriaType = (typeof BooleanCriteria)[keyof typeof BooleanCriteria];

interface ConditionSpec {
  criteria: BooleanCriteriaType | null;
  values: string[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

/**
 * A rule's boolean condition (spreadsheet/boolean-condition): its criteria, their values and the
 * format applied where it holds.
 */
export class BooleanCondition {
  constructor(private readonly spec: ConditionSpec) {}

  /** The criteria type (`TEXT_EQUAL_TO`…). */
  getCriteriaType(): BooleanCriteriaType {
    return this.spec.criteria as BooleanCriteriaType;
  }

  /** The criteria's arguments (for the text tests: the text). */
  getCriteriaValues(): string[] {
    return [...this.spec.values];
  }

  /** The background colour, or null when the rule sets none. */
  getBackground(): string | null {
    return this.spec.background;
  }

  /** The font colour, or null when the rule sets none. */
  getFontColor(): string | null {
    return this.spec.fontColor;
  }

  /** True/false when the rule sets bold on/off, null when it leaves the weight alone. */
  getBold(): boolean | null {
    return this.spec.bold;
  }
}

/** A built conditional-format rule (spreadsheet/conditional-format-rule): immutable. */
export class ConditionalFormatRule {
  constructor(
    readonly ctx: EmulationContext,
    private readonly condition: ConditionSpec,
    private readonly ranges: readonly Range[],
  ) {}

  /** The ranges the rule applies to. */
  getRanges(): Range[] {
    return [...this.ranges];
  }

  /** The rule's boolean condition (every emulated rule has one; gradients are not emulated). */
  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition({ ...this.condition, values: [...this.condition.values] });
  }

  /** Gradient rules are not emulated: always null. */
  getGradientCondition(): null {
    return null;
  }

  /** A builder pre-filled with this rule. */
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx, { ...this.condition }, [...this.ranges]);
  }
}

/**
 * `SpreadsheetApp.newConditionalFormatRule()` (spreadsheet/conditional-format-rule-builder). Strict
 * where the reference is silent: `build()` throws without a condition or without ranges, and text
 * conditions take text only.
 */
export class ConditionalFormatRuleBuilder {
  constructor(
    readonly ctx: EmulationContext,
    private condition: ConditionSpec = {
      criteria: null,
      values: [],
      background: null,
      fontColor: null,
      bold: null,
    },
    private ranges: Range[] = [],
  ) {}

  private when_(criteria: BooleanCriteriaType, text: unknown, method: string): ConditionalFormatRuleBuilder {
    if (typeof text !== "string")
      throw this.ctx.error(
        `The parameters (${typeof text}) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.${method}.`,
      );
    this.condition = { ...this.condition, criteria, values: [text] };
    return this;
  }

  /** Formats cells whose text is exactly `text` (Sheets' "Text is exactly"). */
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.TEXT_EQUAL_TO, text, "whenTextEqualTo");
  }

  /** Formats cells whose text starts with `text`. */
  whenTextStartsWith(text: string): ConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.TEXT_STARTS_WITH, text, "whenTextStartsWith");
  }

  /** Formats cells whose text contains `text`. */
  whenTextContains(text: string): ConditionalFormatRuleBuilder {
    return this.when_(BooleanCriteria.TEXT_CONTAINS, text, "whenTextContains");
  }

  /** The background where the condition holds (null clears it). */
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    this.condition = { ...this.condition, background: color === null ? null : normalizeColor(String(color)) };
    return this;
  }

  /** The font colour where the condition holds (null clears it). */
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    this.condition = { ...this.condition, fontColor: color === null ? null : normalizeColor(String(color)) };
    return this;
  }

  /** Bold on or off where the condition holds (null leaves the weight alone). */
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    this.condition = { ...this.condition, bold: bold === null ? null : Boolean(bold) };
    return this;
  }

  /** The ranges the rule applies to (replacing earlier ones). */
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges) || ranges.length === 0)
      throw this.ctx.error(
        "The parameters () don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
      );
    this.ranges = [...ranges];
    return this;
  }

  /** The ranges set so far. */
  getRanges(): Range[] {
    return [...this.ranges];
  }

  /** The rule; throws without a condition or ranges (strict: the reference does not say). */
  build(): ConditionalFormatRule {
    if (this.condition.criteria === null)
      throw this.ctx.error("A conditional format rule needs a condition (whenTextEqualTo…) before build().");
    if (this.ranges.length === 0)
      throw this.ctx.error("A conditional format rule needs its ranges (setRanges) before build().");
    return new ConditionalFormatRule(this.ctx, { ...this.condition }, [...this.ranges]);
  }
}
