// Charts on a sheet (Sheet.newChart(), insertChart, getCharts, updateChart): type, data ranges, options, anchor; nothing is drawn.
import type { EmulationContext } from "./emulation-context";
import type { Range } from "./range";

/** The chart types the emulation builds (`Charts.ChartType`, reference page charts/chart-type): column charts only. */
export const ChartType = { COLUMN: "COLUMN" } as const;

interface ChartSpec {
  chartId: number | null;
  type: string | null;
  ranges: Range[];
  options: Map<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
}

/** An inserted (or built, not yet inserted) chart (spreadsheet/embedded-chart). */
export class EmbeddedChart {
  constructor(
    readonly ctx: EmulationContext,
    /** The chart's settings (emulation internals). */
    readonly spec_: ChartSpec,
  ) {}

  /** The chart's id on its sheet, or null before it is inserted (spreadsheet/embedded-chart#getChartId). */
  getChartId(): number | null {
    return this.spec_.chartId;
  }

  /** The data ranges (spreadsheet/embedded-chart#getRanges). */
  getRanges(): Range[] {
    return [...this.spec_.ranges];
  }

  /** The chart's type as `Charts.ChartType` names it (emulation: `COLUMN`). */
  getChartType_(): string | null {
    return this.spec_.type;
  }

  /** The value of an option set with `setOption` (emulation helper; Apps Script reads it through getOptions().get). */
  getOption_(name: string): unknown {
    return this.spec_.options.get(name);
  }

  /** A builder holding this chart's settings, to change it and pass to `Sheet.updateChart` (spreadsheet/embedded-chart#modify). */
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx, {
      ...this.spec_,
      ranges: [...this.spec_.ranges],
      options: new Map(this.spec_.options),
    });
  }
}

/**
 * `Sheet.newChart()` and `EmbeddedChart.modify()` (spreadsheet/embedded-chart-builder). Strict where
 * the reference is silent: `build()` throws without a chart type (`asColumnChart()`) or a data range.
 */
export class EmbeddedChartBuilder {
  constructor(
    readonly ctx: EmulationContext,
    private spec: ChartSpec = { chartId: null, type: null, ranges: [], options: new Map(), position: null },
  ) {}

  /** Makes the chart a column chart (spreadsheet/embedded-chart-builder#asColumnChart). */
  asColumnChart(): EmbeddedChartBuilder {
    this.spec.type = ChartType.COLUMN;
    return this;
  }

  /** Adds a data range (spreadsheet/embedded-chart-builder#addRange). */
  addRange(range: Range): EmbeddedChartBuilder {
    if (!range || typeof (range as Range).getA1Notation !== "function")
      throw this.ctx.error(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.",
      );
    this.spec.ranges.push(range);
    return this;
  }

  /** Removes every data range (spreadsheet/embedded-chart-builder#clearRanges). */
  clearRanges(): EmbeddedChartBuilder {
    this.spec.ranges = [];
    return this;
  }

  /** The data ranges so far. */
  getRanges(): Range[] {
    return [...this.spec.ranges];
  }

  /** Sets an advanced option such as `title` (spreadsheet/embedded-chart-builder#setOption). */
  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.spec.options.set(String(option), value);
    return this;
  }

  /** Anchors the chart's top-left corner at a cell, with pixel offsets (spreadsheet/embedded-chart-builder#setPosition). */
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder {
    if (
      ![anchorRowPos, anchorColPos, offsetX, offsetY].every(
        (n) => typeof n === "number" && Number.isFinite(n),
      )
    )
      throw this.ctx.error(
        "The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setPosition.",
      );
    this.spec.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  /** The chart (strict: a type and at least one range first). */
  build(): EmbeddedChart {
    if (this.spec.type === null)
      throw this.ctx.error("A chart needs its type (asColumnChart()…) before build().");
    if (this.spec.ranges.length === 0)
      throw this.ctx.error("A chart needs a data range (addRange) before build().");
    return new EmbeddedChart(this.ctx, {
      ...this.spec,
      ranges: [...this.spec.ranges],
      options: new Map(this.spec.options),
    });
  }
}
