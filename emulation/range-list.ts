// RangeList: scattered ranges formatted or cleared in one call (Sheet.getRangeList).
import type { DataValidation } from "./data-validation";
import type { EmulationContext } from "./emulation-context";
import type { ClearOptions, Range } from "./range";

/** The emulated `RangeList`. */
export class RangeList {
  constructor(
    readonly ctx: EmulationContext,
    private readonly ranges: Range[],
  ) {}

  /** The ranges, in the order given. */
  getRanges(): Range[] {
    return [...this.ranges];
  }

  /** Sets the background of every cell of every range (null resets). */
  setBackground(color: string | null): RangeList {
    for (const range of this.ranges) range.setBackground(color);
    return this;
  }

  /** Sets the font colour of every range. */
  setFontColor(color: string | null): RangeList {
    for (const range of this.ranges) range.setFontColor(color);
    return this;
  }

  /** Sets the font weight of every range. */
  setFontWeight(fontWeight: string | null): RangeList {
    for (const range of this.ranges) range.setFontWeight(fontWeight);
    return this;
  }

  /** Sets the font style of every range. */
  setFontStyle(fontStyle: string | null): RangeList {
    for (const range of this.ranges) range.setFontStyle(fontStyle);
    return this;
  }

  /** Sets the number format of every range. */
  setNumberFormat(numberFormat: string): RangeList {
    for (const range of this.ranges) range.setNumberFormat(numberFormat);
    return this;
  }

  /** Sets the horizontal alignment of every range. */
  setHorizontalAlignment(alignment: string | null): RangeList {
    for (const range of this.ranges) range.setHorizontalAlignment(alignment);
    return this;
  }

  /** Sets the wrap flag of every range. */
  setWrap(isWrapEnabled: boolean): RangeList {
    for (const range of this.ranges) range.setWrap(isWrapEnabled);
    return this;
  }

  /** Writes one value into every cell of every range. */
  setValue(value: unknown): RangeList {
    for (const range of this.ranges) range.setValue(value);
    return this;
  }

  /** Sets the note of every range. */
  setNote(note: string | null): RangeList {
    for (const range of this.ranges) range.setNote(note);
    return this;
  }

  /** Sets the data-validation rule of every range. */
  setDataValidation(rule: DataValidation | null): RangeList {
    for (const range of this.ranges) range.setDataValidation(rule);
    return this;
  }

  /** Clears every range (contents and formats, or what `options` names). */
  clear(options?: ClearOptions): RangeList {
    for (const range of this.ranges) range.clear(options);
    return this;
  }

  /** Clears the values of every range. */
  clearContent(): RangeList {
    for (const range of this.ranges) range.clearContent();
    return this;
  }

  /** Clears the formats of every range. */
  clearFormat(): RangeList {
    for (const range of this.ranges) range.clearFormat();
    return this;
  }

  /** Removes the notes of every range. */
  clearNote(): RangeList {
    for (const range of this.ranges) range.clearNote();
    return this;
  }

  /** Removes the data-validation rules of every range. */
  clearDataValidations(): RangeList {
    for (const range of this.ranges) range.clearDataValidations();
    return this;
  }
}
