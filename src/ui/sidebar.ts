// The sidebar's entry point: loads the opening state, fills the account picker and wires the four panels.
import type { SidebarState } from "../domain/forms/sidebar-api";
import { callServer } from "./call-server";
import { createContext } from "./sidebar/context";
import { byId, h, setOptions } from "./sidebar/dom";
import { setUpEscalationsPanel } from "./sidebar/escalations-panel";
import { showMessage, whileBusy } from "./sidebar/form-status";
import { setUpIncidentsPanel } from "./sidebar/incidents-panel";
import { setUpKpiPanel } from "./sidebar/kpi-panel";
import { setUpReviewPanel } from "./sidebar/review-panel";
import { setUpTabs } from "./sidebar/tabs";
import { setUpValuesPanel } from "./sidebar/values-panel";

async function start(): Promise<void> {
  const header = document.querySelector<HTMLElement>(".top")!;
  const picker = byId<HTMLSelectElement>("account");
  const notice = byId("account-notice");
  let state: SidebarState;
  try {
    state = await whileBusy(header, "Loading…", () => callServer("sidebarState"));
  } catch (error) {
    header.append(h("p", { class: "form-message error", role: "alert", text: (error as Error).message }));
    return;
  }
  setOptions(
    picker,
    [
      ...(state.activeAccountTab ? [] : [{ value: "", label: "Pick an account…" }]),
      ...state.accounts.map((choice) => ({
        value: choice.tab,
        label:
          choice.account && choice.account !== choice.tab ? `${choice.account} (${choice.tab})` : choice.tab,
      })),
    ],
    state.activeAccountTab ?? "",
  );
  notice.textContent = state.notice;
  picker.addEventListener("change", () => {
    notice.textContent = picker.value ? "" : state.notice;
  });

  const context = createContext(state, picker);
  setUpKpiPanel(context);
  const panels: Record<string, { show(): void }> = {
    "panel-values": setUpValuesPanel(context),
    "panel-review": setUpReviewPanel(context),
    "panel-escalations": setUpEscalationsPanel(context),
    "panel-incidents": setUpIncidentsPanel(context),
  };
  setUpTabs(document.querySelector<HTMLElement>('[role="tablist"]')!, (panelId) => panels[panelId]?.show());
  showMessage(header, "info", "");
}

document.addEventListener("DOMContentLoaded", () => void start());
