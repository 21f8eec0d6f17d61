// SpreadsheetApp: the entry point to the active spreadsheet, its UI and data-validation builders.
import { BooleanCriteria, ConditionalFormatRuleBuilder } from "./conditional-format";
import { DataValidationBuilder, DataValidationCriteria } from "./data-validation";
import type { EmulationContext } from "./emulation-context";
import { SheetType, WrapStrategy } from "./enums";
import type { Range } from "./range";
import type { Sheet } from "./sheet";
import type { Spreadsheet } from "./spreadsheet";
import { Ui, type UiState } from "./ui";

/** The emulated `SpreadsheetApp`, bound to one container spreadsheet. */
export class SpreadsheetApp {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = WrapStrategy;
  readonly SheetType = SheetType;
  /** Number of `flush()` calls (emulation detail; writes are always applied at once). */
  flushes = 0;
  private readonly ui: Ui;

  constructor(
    readonly ctx: EmulationContext,
    private readonly spreadsheet: Spreadsheet,
    private readonly uiState: UiState,
  ) {
    this.ui = new Ui(ctx, uiState);
  }

  /** The active spreadsheet. */
  getActive(): Spreadsheet {
    return this.spreadsheet;
  }

  /** The active spreadsheet. */
  getActiveSpreadsheet(): Spreadsheet {
    return this.spreadsheet;
  }

  /** The active tab. */
  getActiveSheet(): Sheet {
    return this.spreadsheet.getActiveSheet();
  }

  /** The active range. */
  getActiveRange(): Range {
    return this.spreadsheet.getActiveRange();
  }

  /** Makes `sheet` active. */
  setActiveSheet(sheet: Sheet): Sheet {
    return this.spreadsheet.setActiveSheet(sheet);
  }

  /** The spreadsheet's UI; throws where there is none (`env.ui.available = false`, as in a time trigger). */
  getUi(): Ui {
    if (!this.uiState.available)
      throw this.ctx.error("Cannot call SpreadsheetApp.getUi() from this context.");
    return this.ui;
  }

  /** Applies pending changes (the emulation applies them at once; only counted). */
  flush(): void {
    this.flushes++;
  }

  /** A builder for a data-validation rule. */
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.ctx);
  }

  /** A builder for a conditional-format rule (spreadsheet/spreadsheet-app#newConditionalFormatRule). */
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.ctx);
  }

  /** Not allowed with the `spreadsheets.currentonly` scope the add-in declares. */
  openById(id: string): Spreadsheet {
    throw this.ctx.error(
      `You do not have permission to call SpreadsheetApp.openById (id ${id}). Required permissions: https://www.googleapis.com/auth/spreadsheets`,
    );
  }

  /** Not allowed with the `spreadsheets.currentonly` scope the add-in declares. */
  openByUrl(url: string): Spreadsheet {
    throw this.ctx.error(
      `You do not have permission to call SpreadsheetApp.openByUrl (${url}). Required permissions: https://www.googleapis.com/auth/spreadsheets`,
    );
  }
}
