// Browser side of the Generate review tab dialog: loads the choices, calls generateReviewTab, reports the result.

import { callServer } from "./call-server";

declare const google: { script: { host: { close(): void } } };

/** The value of the "All accounts" choice, as generateReviewTab reads it. */
const ALL_ACCOUNTS = "all";

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`review dialog: no #${id}`);
  return found as T;
}

/** Replaces a select's options; every label is set as text, never as HTML. */
function fillSelect(
  select: HTMLSelectElement,
  options: { value: string; label: string }[],
  selected: string,
) {
  while (select.firstChild) select.removeChild(select.firstChild);
  for (const option of options) {
    const node = document.createElement("option");
    node.value = option.value;
    node.textContent = option.label;
    node.selected = option.value === selected;
    select.appendChild(node);
  }
}

function showMessage(text: string, kind: "" | "error" | "done" = ""): void {
  const message = element<HTMLParagraphElement>("message");
  message.textContent = text;
  message.className = `message ${kind}`.trim();
}

function showProblems(problems: string[]): void {
  const list = element<HTMLUListElement>("problems");
  while (list.firstChild) list.removeChild(list.firstChild);
  for (const problem of problems) {
    const item = document.createElement("li");
    item.textContent = problem;
    list.appendChild(item);
  }
  list.hidden = problems.length === 0;
}

function setBusy(busy: boolean): void {
  for (const id of ["account", "quarter", "generate"]) element<HTMLButtonElement>(id).disabled = busy;
}

async function load(): Promise<void> {
  try {
    const options = await callServer("reviewDialogOptions");
    const accounts = [
      { value: ALL_ACCOUNTS, label: `All accounts (${options.accounts.length})` },
      ...options.accounts.map((name) => ({ value: name, label: name })),
    ];
    fillSelect(
      element("account"),
      accounts,
      options.accounts.length === 1 ? options.accounts[0] : ALL_ACCOUNTS,
    );
    fillSelect(
      element("quarter"),
      options.quarters.map((label) => ({ value: label, label })),
      options.defaultQuarter,
    );
    element("quarter-hint").textContent = `Fiscal year starts in ${options.fiscalYearStarts} (Settings tab).`;
    showProblems(options.unreadable.map((problem) => `Not offered: ${problem}`));
    if (options.accounts.length === 0) {
      showMessage("No account tabs found: a tab whose A1 is “Account”. Run Setup workbook first.", "error");
      return;
    }
    setBusy(false);
  } catch (error) {
    showMessage((error as Error).message, "error");
  }
}

async function generate(event: Event): Promise<void> {
  event.preventDefault();
  const account = element<HTMLSelectElement>("account").value;
  const quarter = element<HTMLSelectElement>("quarter").value;
  setBusy(true);
  showMessage("Generating…");
  try {
    const result = await callServer("generateReviewTab", account, quarter);
    const names = Array.isArray(result) ? result : [result];
    showMessage(
      (names.length === 1 ? `Done: ${names[0]}.` : `Done: ${names.length} review tabs for ${quarter}.`) +
        " A federal account's CO Report tab is written with its review.",
      "done",
    );
  } catch (error) {
    showMessage((error as Error).message, "error");
  } finally {
    setBusy(false);
  }
}

function start(): void {
  element<HTMLFormElement>("review-form").addEventListener("submit", (event) => {
    void generate(event);
  });
  element<HTMLButtonElement>("close").addEventListener("click", () => google.script.host.close());
  void load();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
