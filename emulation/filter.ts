// A sheet's basic filter (Range.createFilter(), Sheet.getFilter()): the range it covers, removable; at most one per sheet.
import type { EmulationContext } from "./emulation-context";
import type { Range } from "./range";

/** What a sheet keeps of its filter. */
export interface FilterHolder {
  filter_: Filter | null;
}

/**
 * The emulated `Filter` (spreadsheet/filter): the range only; hiding rows by criteria is not
 * emulated (nothing in KPI Steward sets criteria).
 */
export class Filter {
  constructor(
    readonly ctx: EmulationContext,
    private readonly holder: FilterHolder,
    private readonly range: Range,
  ) {}

  /** The range the filter applies to. */
  getRange(): Range {
    return this.range;
  }

  /** Removes the filter from its sheet. */
  remove(): void {
    if (this.holder.filter_ === this) this.holder.filter_ = null;
  }
}
