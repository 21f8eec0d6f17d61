// Inline field messages, the form's own message line, and the busy state shown while the server works.
import type { FieldErrors, IssueLike } from "../../domain/forms/form-result";
import { fieldErrorsOf } from "../../domain/forms/form-result";
import { byId } from "./dom";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Shows `message` under one control (or clears it when blank). */
export function setFieldError(control: Control, message: string): void {
  const slot = document.getElementById(`${control.id}-error`);
  if (slot) slot.textContent = message;
  if (message) control.setAttribute("aria-invalid", "true");
  else control.removeAttribute("aria-invalid");
}

/** Clears every field message inside `root`. */
export function clearFieldErrors(root: HTMLElement): void {
  for (const control of Array.from(root.querySelectorAll<Control>("[data-field]")))
    setFieldError(control, "");
}

/**
 * Puts each message under the control whose `data-field` is its key and focuses the first one.
 * Returns the messages that matched no control, so the caller can show them in the form message.
 */
export function showFieldErrors(root: HTMLElement, errors: FieldErrors): string[] {
  clearFieldErrors(root);
  const unmatched: string[] = [];
  let first: Control | null = null;
  for (const [key, message] of Object.entries(errors)) {
    const control = root.querySelector<Control>(`[data-field="${CSS.escape(key)}"]`);
    if (!control) {
      unmatched.push(message);
      continue;
    }
    setFieldError(control, message);
    if (!first) first = control;
  }
  first?.focus();
  return unmatched;
}

/** Shows the form's message line: an error, a success confirmation or information. */
export function showMessage(form: HTMLElement, kind: "error" | "success" | "info", text: string): void {
  const line = form.querySelector<HTMLElement>(".form-message");
  if (!line) return;
  line.textContent = text;
  line.className = `form-message ${kind}`;
  line.setAttribute("role", kind === "error" ? "alert" : "status");
}

/**
 * Runs `work` with the form marked busy: its buttons disabled, `aria-busy` set, and the header's
 * busy indicator showing `label`. Inputs stay as typed whatever happens.
 */
export async function whileBusy<T>(form: HTMLElement, label: string, work: () => Promise<T>): Promise<T> {
  const buttons = Array.from(form.querySelectorAll<HTMLButtonElement>("button"));
  const wasDisabled = buttons.map((button) => button.disabled);
  buttons.forEach((button) => {
    button.disabled = true;
  });
  form.setAttribute("aria-busy", "true");
  const indicator = byId("busy");
  indicator.dataset.calls = String(Number(indicator.dataset.calls ?? "0") + 1);
  indicator.textContent = label;
  indicator.hidden = false;
  document.body.classList.add("busy");
  try {
    return await work();
  } finally {
    const calls = Number(indicator.dataset.calls ?? "1") - 1;
    indicator.dataset.calls = String(calls);
    buttons.forEach((button, index) => {
      button.disabled = wasDisabled[index];
    });
    form.removeAttribute("aria-busy");
    if (calls === 0) {
      indicator.hidden = true;
      indicator.textContent = "";
      document.body.classList.remove("busy");
    }
  }
}

/** What a save call answers: accepted with a message, or refused with field errors (see `SaveResult`). */
type SaveAnswer = { ok: true; message: string } | { ok: false; message: string; fieldErrors: FieldErrors };

/**
 * Sends a form the browser has already checked, with the form busy: a refusal marks the server's
 * fields (keys through `remapFields`) and shows its message; an accepted answer goes to `onSaved`;
 * a failure (or an error in `onSaved`) shows "Not saved: …". What was typed always stays.
 */
export async function saveForm<Answer extends SaveAnswer>(
  form: HTMLElement,
  send: () => Promise<Answer>,
  onSaved: (answer: Extract<Answer, { ok: true }>) => void | Promise<void>,
  remapFields: (errors: FieldErrors) => FieldErrors = (errors) => errors,
): Promise<void> {
  try {
    const result = await whileBusy(form, "Saving…", send);
    if (!result.ok) {
      const unmatched = showFieldErrors(form, remapFields(result.fieldErrors));
      showMessage(form, "error", [result.message, ...unmatched].join(" "));
      return;
    }
    await onSaved(result as Extract<Answer, { ok: true }>);
  } catch (error) {
    showMessage(form, "error", `Not saved: ${(error as Error).message}`);
  }
}

/**
 * Shows a browser-side check of `form`: on failure each issue under its field and the form's message
 * (`Nothing was saved: fix the marked fields.` plus what matched no field), and `false`; on success
 * clears the field messages and returns `true`.
 */
export function passesFormCheck(
  form: HTMLElement,
  checked: { success: true } | { success: false; error: { issues: readonly IssueLike[] } },
  failure = "Nothing was saved: fix the marked fields.",
): boolean {
  if (!checked.success) {
    const unmatched = showFieldErrors(form, fieldErrorsOf(checked.error.issues));
    showMessage(form, "error", [failure, ...unmatched].join(" "));
    return false;
  }
  showFieldErrors(form, {});
  return true;
}
