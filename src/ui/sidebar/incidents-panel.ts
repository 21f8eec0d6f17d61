// The Incidents panel: log an incident of the account, or pick one to close it (Resolved) or record its root-cause report.
import type { IncidentsFormData } from "../../domain/forms/incident-form";
import { type IncidentForm, type IncidentRow, incidentForm } from "../../domain/forms/incident-form";
import { PRIORITIES } from "../../domain/workbook-schema";
import { callServer } from "../call-server";
import type { SidebarContext } from "./context";
import { byId, h, setOptions } from "./dom";
import { passesFormCheck, saveForm, showFieldErrors, showMessage, whileBusy } from "./form-status";

const NEW = "";

/** The Incidents panel. */
export function setUpIncidentsPanel(context: SidebarContext): { show(): void } {
  const form = byId<HTMLFormElement>("incident-form");
  const pick = byId<HTMLSelectElement>("incident-pick");
  const pickHint = byId("incident-pick-hint");
  const id = byId<HTMLInputElement>("incident-id");
  const priority = byId<HTMLSelectElement>("incident-priority");
  const started = byId<HTMLInputElement>("incident-started");
  const resolved = byId<HTMLInputElement>("incident-resolved");
  const affects = byId<HTMLSelectElement>("incident-affects");
  const summary = byId<HTMLTextAreaElement>("incident-summary");
  const rootCause = byId<HTMLInputElement>("incident-root-cause");
  const save = byId<HTMLButtonElement>("incident-save");
  const problems = byId("incident-problems");
  let loaded: IncidentsFormData | null = null;
  let loadedAccount: string | null = null;

  setOptions(
    priority,
    PRIORITIES.map((value) => ({ value, label: value })),
    "P1",
  );
  setOptions(
    affects,
    ["Yes", "No"].map((value) => ({ value, label: value })),
    "Yes",
  );

  const fill = (row: IncidentRow | null) => {
    id.value = row?.incidentId ?? "";
    id.readOnly = row !== null;
    priority.value = row?.priority ?? "P1";
    started.value = row?.startedLocal ?? "";
    resolved.value = row?.resolvedLocal ?? "";
    affects.value = row?.affectsAvailability ?? "Yes";
    summary.value = row?.summary ?? "";
    rootCause.value = row?.rootCauseIso ?? "";
    save.textContent = row ? "Save incident" : "Log incident";
    pickHint.textContent = row
      ? !row.resolvedLocal
        ? "Open: fill in Resolved to close it."
        : row.rootCauseIso
          ? "Resolved; root-cause report delivered."
          : "Resolved. Add the root-cause report date when it is delivered."
      : "A new incident of this account.";
    showFieldErrors(form, {});
  };

  const render = (data: IncidentsFormData, selected: string) => {
    setOptions(
      pick,
      [
        { value: NEW, label: "New incident…" },
        ...data.incidents.map((row) => ({
          value: row.incidentId,
          label: `${row.incidentId} · ${row.priority} · ${row.resolvedLocal ? "resolved" : "open"}`,
        })),
      ],
      selected,
    );
    fill(data.incidents.find((row) => row.incidentId === pick.value) ?? null);
    problems.replaceChildren(
      ...[data.notice, ...data.problems].filter(Boolean).map((text) => h("li", { text })),
    );
  };

  const load = async (selected = NEW) => {
    const account = context.account();
    showMessage(form, "info", "");
    loadedAccount = account;
    if (!account) {
      loaded = null;
      fill(null);
      showMessage(form, "info", "Pick an account tab above.");
      return;
    }
    try {
      loaded = await whileBusy(form, "Loading…", () => callServer("loadIncidents", { account }));
      render(loaded, selected);
    } catch (error) {
      showMessage(form, "error", (error as Error).message);
    }
  };

  const readForm = (): IncidentForm => ({
    account: loaded?.account ?? context.account(),
    mode: pick.value === NEW ? "new" : "update",
    incidentId: id.value,
    priority: priority.value as IncidentForm["priority"],
    startedLocal: started.value,
    resolvedLocal: resolved.value,
    affectsAvailability: affects.value as IncidentForm["affectsAvailability"],
    summary: summary.value,
    rootCauseIso: rootCause.value,
  });

  pick.addEventListener("change", () =>
    fill(loaded?.incidents.find((row) => row.incidentId === pick.value) ?? null),
  );
  context.onAccountChange(() => {
    if (!form.closest("[hidden]")) void load();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const typed = readForm();
    if (!passesFormCheck(form, incidentForm().safeParse(typed))) return;
    await saveForm(
      form,
      () => callServer("saveIncident", typed),
      async (result) => {
        await load(typed.incidentId.trim());
        showMessage(form, "success", result.message);
      },
    );
  });

  return {
    show: () => {
      if (loadedAccount !== context.account()) void load();
    },
  };
}
