// Builds DOM nodes from data with textContent and properties only: no HTML string from a cell ever reaches the page.
import { shortMonthName } from "../../domain/calendar/month-names";

/** Attributes and properties for {@link h}; `text` sets textContent, `on*` functions become listeners. */
export type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** A child: a node, text (inserted as a text node) or nothing. */
export type Child = Node | string | null | undefined | false;

/** Creates an element; strings become text nodes, so markup in data shows as text. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === "text") element.textContent = String(value);
    else if (key === "value") (element as HTMLInputElement).value = String(value);
    else if (key === "checked" || key === "disabled" || key === "selected" || key === "readOnly")
      (element as unknown as Record<string, boolean>)[key] = Boolean(value);
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

/** The element with `id`; throws when the page lacks it (a build mistake, not a user error). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Sidebar: element #${id} is missing from sidebar.html`);
  return element as T;
}

/** Replaces a select's options; each option's label is set as text. */
export function setOptions(
  select: HTMLSelectElement,
  options: { value: string; label: string }[],
  selected: string,
): void {
  select.replaceChildren(
    ...options.map((option) =>
      h("option", { value: option.value, text: option.label, selected: option.value === selected }),
    ),
  );
  select.value = options.some((option) => option.value === selected) ? selected : (options[0]?.value ?? "");
}

/** A labelled field: label, control, and an empty message slot under it tied by aria-describedby. */
export function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLDivElement {
  const errorId = `${control.id}-error`;
  const hintId = `${control.id}-hint`;
  control.setAttribute("aria-describedby", `${hintId} ${errorId}`);
  return h(
    "div",
    { class: "field" },
    h("label", { for: control.id, text: label }),
    control,
    h("p", { class: "field-hint", id: hintId, text: hint ?? "", "data-default": hint ?? "" }),
    h("p", { class: "field-error", id: errorId, "aria-live": "polite" }),
  );
}

/** The month `YYYY-MM` of an ISO date, and back to the first day of that month. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** Formats an ISO date `YYYY-MM-DD` for reading (`Mar 2026` for a period, `2026-03-31` otherwise). */
export function monthLabel(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return month >= 1 && month <= 12 ? `${shortMonthName(month)} ${iso.slice(0, 4)}` : iso;
}
