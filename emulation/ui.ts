// Ui: menus, alerts, prompts, sidebars and dialogs, recorded so tests can read what the user would see.
import type { EmulationContext } from "./emulation-context";
import { Button, ButtonSet } from "./enums";
import type { HtmlOutput } from "./html-output";

/** An entry of a menu as the user sees it. */
export type MenuEntry =
  | { kind: "item"; caption: string; functionName: string }
  | { kind: "separator" }
  | { kind: "submenu"; caption: string; items: MenuEntry[] };

/** A menu added with `addToUi()`. */
export interface MenuRecord {
  caption: string;
  /** True for `createAddonMenu()` (shown under Extensions). */
  addOn: boolean;
  items: MenuEntry[];
}

/** An alert shown, and the button the (emulated) user pressed. */
export interface AlertRecord {
  title: string;
  prompt: string;
  buttons: string;
  response: string;
}

/** A prompt shown, and what the (emulated) user answered. */
export interface PromptRecord {
  title: string;
  prompt: string;
  buttons: string;
  responseText: string;
  selectedButton: string;
}

/** A sidebar or dialog opened, with a snapshot of its page. */
export interface DialogRecord {
  kind: "sidebar" | "modal" | "modeless";
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  output: HtmlOutput;
}

/** What the emulated user interface showed, and the answers queued for the next alerts and prompts. */
export class UiState {
  /** False in contexts without a UI (time-driven triggers): `SpreadsheetApp.getUi()` then throws. */
  available = true;
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  private readonly alertAnswers: string[] = [];
  private readonly promptAnswers: { text: string; button: string }[] = [];

  constructor(
    /** Caption of the add-on menu (the add-on's name). */
    readonly addOnMenuCaption: string,
  ) {}

  /** The last menu added with this caption (the add-on menu by its caption too). */
  menu(caption: string): MenuRecord | undefined {
    return [...this.menus].reverse().find((menu) => menu.caption === caption);
  }

  /** The last add-on menu added. */
  addOnMenu(): MenuRecord | undefined {
    return [...this.menus].reverse().find((menu) => menu.addOn);
  }

  /** The sidebars opened, oldest first. */
  sidebars(): DialogRecord[] {
    return this.dialogs.filter((dialog) => dialog.kind === "sidebar");
  }

  /** Queues the button the user presses on the next alert. */
  answerNextAlert(button: string): void {
    this.alertAnswers.push(button);
  }

  /** Queues the text and button of the next prompt. */
  answerNextPrompt(text: string, button: string = Button.OK): void {
    this.promptAnswers.push({ text, button });
  }

  /** Takes the next queued alert answer, or the default for the button set. */
  takeAlertAnswer_(buttons: string): string {
    return this.alertAnswers.shift() ?? defaultButton(buttons);
  }

  /** Takes the next queued prompt answer, or an empty OK/YES. */
  takePromptAnswer_(buttons: string): { text: string; button: string } {
    return this.promptAnswers.shift() ?? { text: "", button: defaultButton(buttons) };
  }
}

function defaultButton(buttons: string): string {
  return buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK;
}

/** The emulated `Menu`. */
export class Menu {
  /** The entries added so far (emulation internals). */
  readonly items: MenuEntry[] = [];

  constructor(
    readonly ctx: EmulationContext,
    private readonly state: UiState,
    readonly caption: string,
    private readonly addOn: boolean,
  ) {}

  /** Adds an item that runs the global function `functionName`. */
  addItem(caption: string, functionName: string): Menu {
    if (typeof functionName !== "string" || functionName === "")
      throw this.ctx.error(`Menu item "${caption}": a function name is required.`);
    this.items.push({ kind: "item", caption: String(caption), functionName });
    return this;
  }

  /** Adds a separator line. */
  addSeparator(): Menu {
    this.items.push({ kind: "separator" });
    return this;
  }

  /** Adds a sub-menu. */
  addSubMenu(menu: Menu): Menu {
    this.items.push({ kind: "submenu", caption: menu.caption, items: menu.items });
    return this;
  }

  /** Shows the menu (records it). */
  addToUi(): void {
    this.state.menus.push({ caption: this.caption, addOn: this.addOn, items: this.items });
  }
}

/** The emulated `PromptResponse`. */
export class PromptResponse {
  constructor(
    readonly ctx: EmulationContext,
    private readonly text: string,
    private readonly button: string,
  ) {}

  /** The text typed. */
  getResponseText(): string {
    return this.text;
  }

  /** The button pressed. */
  getSelectedButton(): string {
    return this.button;
  }
}

/** The emulated `Ui` of the spreadsheet. */
export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    readonly ctx: EmulationContext,
    private readonly state: UiState,
  ) {}

  /** A new menu for the menu bar. */
  createMenu(caption: string): Menu {
    return new Menu(this.ctx, this.state, String(caption), false);
  }

  /** The add-on's menu under Extensions. */
  createAddonMenu(): Menu {
    return new Menu(this.ctx, this.state, this.state.addOnMenuCaption, true);
  }

  /**
   * Shows an alert: `alert(prompt)`, `alert(prompt, buttons)` or `alert(title, prompt, buttons)`.
   * Returns the button queued with `answerNextAlert`, else OK (YES for yes/no sets).
   */
  alert(titleOrPrompt: string, promptOrButtons?: string, buttons?: string): string {
    let title = "";
    let prompt = String(titleOrPrompt);
    let set: string = ButtonSet.OK;
    if (buttons !== undefined) {
      title = String(titleOrPrompt);
      prompt = String(promptOrButtons);
      set = buttons;
    } else if (promptOrButtons !== undefined) set = promptOrButtons;
    const response = this.state.takeAlertAnswer_(set);
    this.state.alerts.push({ title, prompt, buttons: set, response });
    return response;
  }

  /** Shows a prompt: `prompt(prompt)`, `prompt(prompt, buttons)` or `prompt(title, prompt, buttons)`. */
  prompt(titleOrPrompt: string, promptOrButtons?: string, buttons?: string): PromptResponse {
    let title = "";
    let prompt = String(titleOrPrompt);
    let set: string = ButtonSet.OK;
    if (buttons !== undefined) {
      title = String(titleOrPrompt);
      prompt = String(promptOrButtons);
      set = buttons;
    } else if (promptOrButtons !== undefined) set = promptOrButtons;
    const answer = this.state.takePromptAnswer_(set);
    this.state.prompts.push({
      title,
      prompt,
      buttons: set,
      responseText: answer.text,
      selectedButton: answer.button,
    });
    return new PromptResponse(this.ctx, answer.text, answer.button);
  }

  /** Opens a sidebar with the page. */
  showSidebar(userInterface: HtmlOutput): void {
    this.record_("sidebar", userInterface, userInterface.getTitle());
  }

  /** Opens a modal dialog with the page. */
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.record_("modal", userInterface, String(title));
  }

  /** Opens a modeless dialog with the page. */
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.record_("modeless", userInterface, String(title));
  }

  private record_(kind: DialogRecord["kind"], output: HtmlOutput, title: string): void {
    if (!output || typeof output.getContent !== "function")
      throw this.ctx.error("The parameters don't match the method signature for Ui.showSidebar.");
    this.state.dialogs.push({
      kind,
      title,
      html: output.getContent(),
      width: output.getWidth(),
      height: output.getHeight(),
      output,
    });
  }
}
