// The "Escalations" panel: the picked account's open, acknowledged and snoozed escalations, each actionable with a note.
import { type EscalationAction, escalationUpdateForm } from "../../domain/forms/escalation-update-form";
import type { EscalationList, EscalationRow } from "../../domain/forms/sidebar-api";
import { callServer } from "../call-server";
import type { SidebarContext } from "./context";
import { byId, field, h, monthLabel } from "./dom";
import { passesFormCheck, saveForm, showMessage, whileBusy } from "./form-status";

const ACTION_LABELS: Record<EscalationAction, string> = {
  acknowledge: "Acknowledge",
  snooze: "Snooze",
  resolve: "Resolve",
};

/** The Escalations panel. */
export function setUpEscalationsPanel(context: SidebarContext): { show(): void } {
  const box = byId("escalations-box");
  const list = byId("escalations-list");
  let loadedAccount: string | null = null;

  const card = (row: EscalationRow, index: number) => {
    const id = (name: string) => `esc-${index}-${name}`;
    const note = h("textarea", { id: id("note"), "data-field": "note", rows: 2 });
    const until = h("input", { id: id("until"), "data-field": "snoozeUntilIso", type: "date" });
    const element: HTMLElement = h(
      "article",
      { class: "card escalation", "data-id": row.id },
      h(
        "div",
        { class: "card-head" },
        h("h2", { text: row.metric }),
        h("span", { class: `badge ${row.severity}`, text: row.severity }),
      ),
      h("p", {
        class: "meta",
        text: [
          row.periodIso ? monthLabel(row.periodIso) : "",
          row.value !== "" ? `value ${row.value}` : "",
          row.condition,
        ]
          .filter(Boolean)
          .join(" · "),
      }),
      row.action ? h("p", { class: "meta", text: `Action: ${row.action}` }) : null,
      h(
        "p",
        { class: "meta" },
        `${row.status}${row.owner ? ` · ${row.owner}` : ""}`,
        row.dueIso ? " · due " : "",
        row.dueIso ? h("span", { class: row.overdue ? "overdue" : "", text: row.dueIso }) : null,
        row.overdue ? h("span", { class: "overdue", text: " (overdue)" }) : null,
      ),
      row.incident ? h("p", { class: "meta", text: `Incident ${row.incident}` }) : null,
      row.followUp
        ? h("p", { class: row.followUpOverdue ? "meta overdue" : "meta", text: row.followUp })
        : null,
      row.note ? h("p", { class: "meta note", text: `Note: ${row.note}` }) : null,
      field("Note", note),
      field("Snooze until", until),
      h(
        "div",
        { class: "actions" },
        ...(Object.keys(ACTION_LABELS) as EscalationAction[]).map((action) =>
          h("button", {
            type: "button",
            class: action === "resolve" ? "primary" : "secondary",
            "data-action": action,
            text: ACTION_LABELS[action],
            "aria-label": `${ACTION_LABELS[action]} ${row.metric} (${row.id})`,
            onclick: () => void act(row, action, element, note, until),
          }),
        ),
      ),
      h("p", { class: "form-message", role: "status" }),
    );
    return element;
  };

  const render = (data: EscalationList) => {
    loadedAccount = data.account;
    list.replaceChildren(
      data.rows.length === 0
        ? h("p", { class: "empty", text: `No open escalations for ${data.accountName}.` })
        : h("p", { class: "meta", text: `${data.rows.length} open for ${data.accountName}` }),
      ...data.rows.map(card),
    );
  };

  const load = async (): Promise<void> => {
    const account = context.account();
    if (!account) {
      list.replaceChildren(h("p", { class: "empty", text: "Pick an account tab above." }));
      return;
    }
    try {
      const data = await whileBusy(box, "Loading…", () => callServer("listEscalations", { account }));
      render(data);
    } catch (error) {
      showMessage(box, "error", (error as Error).message);
    }
  };

  const act = async (
    row: EscalationRow,
    action: EscalationAction,
    element: HTMLElement,
    note: HTMLTextAreaElement,
    until: HTMLInputElement,
  ) => {
    showMessage(box, "info", "");
    const typed = {
      account: loadedAccount ?? context.account(),
      id: row.id,
      expectedStatus: row.status,
      action,
      snoozeUntilIso: action === "snooze" ? until.value : "",
      note: note.value,
    };
    if (
      !passesFormCheck(
        element,
        escalationUpdateForm(context.state.todayIso).safeParse(typed),
        "Nothing was saved.",
      )
    )
      return;
    await saveForm(
      element,
      () => callServer("updateEscalation", typed),
      async (result) => {
        await load();
        showMessage(box, "success", result.message);
      },
    );
  };

  byId("escalations-refresh").addEventListener("click", () => {
    showMessage(box, "info", "");
    void load();
  });
  context.onAccountChange(() => {
    if (!box.closest("[hidden]")) void load();
  });

  return {
    show: () => {
      if (loadedAccount !== context.account()) void load();
    },
  };
}
