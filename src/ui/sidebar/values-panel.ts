// The "Enter values" panel: one month of the picked account's metrics in one form.
import { fieldErrorsOf } from "../../domain/forms/form-result";
import type { MetricValueRow, ValuesFormData } from "../../domain/forms/sidebar-api";
import { type ValuesForm, valuesForm } from "../../domain/forms/values-form";
import { callServer } from "../call-server";
import type { SidebarContext } from "./context";
import { byId, field, h, monthLabel } from "./dom";
import { saveForm, showFieldErrors, showMessage, whileBusy } from "./form-status";

/** The month before the one containing `todayIso`, as `YYYY-MM` (values are entered for a month that ended). */
export function previousMonth(todayIso: string): string {
  const year = Number(todayIso.slice(0, 4));
  const month = Number(todayIso.slice(5, 7));
  const index = year * 12 + month - 2;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The Enter values panel. */
export function setUpValuesPanel(context: SidebarContext): { show(): void } {
  const form = byId<HTMLFormElement>("values-form");
  const period = byId<HTMLInputElement>("values-period");
  const periodHint = byId("values-period-hint");
  const rowsBox = byId("values-rows");
  let loaded: ValuesFormData | null = null;
  let loadedKey = "";

  period.value = previousMonth(context.state.todayIso);

  const periodIso = () =>
    /^\d{4}-\d{2}$/.test(period.value.trim()) ? `${period.value.trim()}-01` : period.value;

  const render = (data: ValuesFormData) => {
    loaded = data;
    periodHint.textContent = data.periodExists
      ? `${data.accountName}: ${monthLabel(data.periodIso)}`
      : `${data.accountName}: no ${monthLabel(data.periodIso)} column yet; saving adds it.`;
    if (data.rows.length === 0) {
      rowsBox.replaceChildren(h("p", { class: "empty", text: "This account tab has no metric rows yet." }));
      return;
    }
    rowsBox.replaceChildren(
      ...data.rows.map((row: MetricValueRow, index) => {
        const control = h("input", {
          id: `values-${index}`,
          "data-field": `values.${index}.value`,
          value: row.value,
          autocomplete: "off",
          readOnly: row.formula,
        });
        const hint = [
          row.target ? `Target: ${row.target}` : "",
          row.category,
          row.formula ? "formula" : "",
          row.fromIncidents ? "from the Incidents tab: the scan fills it" : "",
        ]
          .filter(Boolean)
          .join(" · ");
        return field(row.metric, control, hint);
      }),
    );
  };

  const load = async () => {
    const account = context.account();
    showFieldErrors(form, {});
    showMessage(form, "info", "");
    if (!account) {
      rowsBox.replaceChildren(h("p", { class: "empty", text: "Pick an account tab above." }));
      return;
    }
    if (!/^\d{4}-\d{2}-01$/.test(periodIso())) {
      showFieldErrors(form, { periodIso: "Period: pick a month (YYYY-MM)" });
      return;
    }
    const key = `${account}|${periodIso()}`;
    try {
      const data = await whileBusy(form, "Loading…", () =>
        callServer("loadValuesForm", { account, periodIso: periodIso() }),
      );
      loadedKey = key;
      render(data);
    } catch (error) {
      showMessage(form, "error", (error as Error).message);
    }
  };

  const readForm = (): ValuesForm => ({
    account: loaded?.account ?? context.account(),
    periodIso: loaded?.periodIso ?? periodIso(),
    values: (loaded?.rows ?? [])
      .map((row, index) => ({
        metric: row.metric,
        before: row.value,
        value: byId<HTMLInputElement>(`values-${index}`).value,
        formula: row.formula,
      }))
      .filter((entry) => !entry.formula)
      .map(({ metric, before, value }) => ({ metric, before, value })),
  });

  period.addEventListener("change", () => void load());
  context.onAccountChange(() => {
    if (!form.closest("[hidden]")) void load();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!loaded) return;
    const typed = readForm();
    const checked = valuesForm().safeParse(typed);
    const indexOf = new Map(loaded.rows.map((row, index) => [row.metric, index]));
    // Field keys follow the displayed rows (formula rows are not sent), so map back by metric name.
    const remap = (errors: Record<string, string>) => {
      const mapped: Record<string, string> = {};
      for (const [key, message] of Object.entries(errors)) {
        const match = /^values\.(\d+)\.(.+)$/.exec(key);
        const metric = match ? typed.values[Number(match[1])]?.metric : undefined;
        mapped[metric !== undefined ? `values.${indexOf.get(metric)}.${match?.[2]}` : key] = message;
      }
      return mapped;
    };
    if (!checked.success) {
      const unmatched = showFieldErrors(form, remap(fieldErrorsOf(checked.error.issues)));
      showMessage(form, "error", ["Nothing was saved: fix the marked values.", ...unmatched].join(" "));
      return;
    }
    showFieldErrors(form, {});
    if (typed.values.every((entry) => entry.value.trim() === entry.before.trim())) {
      showMessage(form, "info", "Nothing changed: type a value first.");
      return;
    }
    await saveForm(
      form,
      () => callServer("saveValues", typed),
      async (result) => {
        await load();
        showMessage(form, "success", result.message);
      },
      remap,
    );
  });

  return {
    show: () => {
      if (loadedKey !== `${context.account()}|${periodIso()}`) void load();
    },
  };
}
