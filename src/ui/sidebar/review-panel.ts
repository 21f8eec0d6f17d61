// The "Review outcomes" panel: a review's date, type from the cadence, attendees, one outcome per agenda item.
import { type ReviewOutcomesForm, reviewOutcomesForm } from "../../domain/forms/review-outcomes-form";
import type { ReviewFormData } from "../../domain/forms/sidebar-api";
import { CPARS_AREAS } from "../../domain/workbook-schema";
import { callServer } from "../call-server";
import type { SidebarContext } from "./context";
import { byId, field, h, setOptions } from "./dom";
import { passesFormCheck, saveForm, showFieldErrors, showMessage, whileBusy } from "./form-status";

type Item = ReviewOutcomesForm["items"][number] & { custom: boolean };

function blankItem(agendaItem: string, custom: boolean): Item {
  return {
    agendaItem,
    outcome: "",
    decision: "",
    actionOwner: "",
    actionDueIso: "",
    cparsArea: "",
    custom,
  };
}

/** The Review outcomes panel. */
export function setUpReviewPanel(context: SidebarContext): { show(): void } {
  const form = byId<HTMLFormElement>("review-form");
  const date = byId<HTMLInputElement>("review-date");
  const type = byId<HTMLSelectElement>("review-type");
  const typeHint = byId("review-type-hint");
  const attendees = byId<HTMLTextAreaElement>("review-attendees");
  const itemsBox = byId("review-items");
  let loaded: ReviewFormData | null = null;
  let loadedKey = "";

  date.value = context.state.todayIso;

  const itemId = (index: number, name: string) => `review-item-${index}-${name}`;

  const readItems = (): Item[] =>
    Array.from(itemsBox.querySelectorAll<HTMLElement>("[data-item]")).map((card) => {
      const index = Number(card.dataset.item);
      const read = (name: string) => byId<HTMLInputElement>(itemId(index, name)).value;
      const custom = card.dataset.custom === "true";
      return {
        agendaItem: custom ? read("agendaItem") : (card.dataset.agendaItem ?? ""),
        outcome: read("outcome"),
        decision: read("decision"),
        actionOwner: read("actionOwner"),
        actionDueIso: read("actionDueIso"),
        cparsArea: read("cparsArea") as Item["cparsArea"],
        custom,
      };
    });

  const renderItems = (items: Item[]) => {
    itemsBox.replaceChildren(
      ...items.map((item, index) => {
        const key = (name: string) => `items.${index}.${name}`;
        const control = (name: keyof Item, extra: Record<string, string> = {}) =>
          h("input", {
            id: itemId(index, name),
            "data-field": key(name),
            value: String(item[name]),
            autocomplete: "off",
            ...extra,
          });
        const cpars = h("select", { id: itemId(index, "cparsArea"), "data-field": key("cparsArea") });
        setOptions(
          cpars,
          ["", ...CPARS_AREAS].map((area) => ({ value: area, label: area === "" ? "(none)" : area })),
          item.cparsArea ?? "",
        );
        return h(
          "fieldset",
          {
            class: "card",
            "data-item": index,
            "data-custom": String(item.custom),
            "data-agenda-item": item.custom ? "" : item.agendaItem,
          },
          item.custom
            ? h(
                "div",
                { class: "card-head" },
                h("legend", { text: "Other item" }),
                h("button", {
                  type: "button",
                  class: "link danger",
                  text: "Remove",
                  onclick: () => renderItems(readItems().filter((_, i) => i !== index)),
                }),
              )
            : h("legend", { text: item.agendaItem }),
          item.custom ? field("Agenda item", control("agendaItem")) : null,
          field(
            "Outcome",
            h("textarea", {
              id: itemId(index, "outcome"),
              "data-field": key("outcome"),
              rows: 2,
              value: item.outcome,
            }),
          ),
          field("Decision", control("decision")),
          h(
            "div",
            { class: "row-2" },
            field("Action owner", control("actionOwner")),
            field("Action due", control("actionDueIso", { type: "date" })),
          ),
          field("CPARS area", cpars),
        );
      }),
    );
  };

  /** Shows the agenda of the selected type, keeping what was typed for items of the same name. */
  const showAgenda = () => {
    const typed = new Map(readItems().map((item) => [item.agendaItem, item]));
    const choice = loaded?.agendas.find((a) => a.reviewType === type.value);
    const agenda = choice?.items ?? [];
    if (!attendees.value.trim() || attendees.dataset.suggested === attendees.value) {
      attendees.value = choice?.attendees ?? "";
      attendees.dataset.suggested = attendees.value;
    }
    const custom = readItems().filter((item) => item.custom);
    renderItems([
      ...agenda.map((name) => ({ ...(typed.get(name) ?? blankItem(name, false)), custom: false })),
      ...custom,
    ]);
    typeHint.textContent =
      loaded && type.value === loaded.reviewType && loaded.goLiveIso
        ? `From the cadence: go-live ${loaded.goLiveIso}`
        : loaded && !loaded.goLiveIso
          ? "The account tab has no go-live date; pick the type."
          : "";
  };

  const load = async () => {
    const account = context.account();
    showMessage(form, "info", "");
    if (!account) {
      itemsBox.replaceChildren(h("p", { class: "empty", text: "Pick an account tab above." }));
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
      showFieldErrors(form, { reviewDateIso: "Review date: pick the day of the review" });
      return;
    }
    showFieldErrors(form, {});
    try {
      const data = await whileBusy(form, "Loading…", () =>
        callServer("loadReviewForm", { account, reviewDateIso: date.value }),
      );
      loaded = data;
      loadedKey = `${account}|${date.value}`;
      setOptions(
        type,
        data.agendas.map((agenda) => ({ value: agenda.reviewType, label: agenda.reviewType })),
        data.reviewType,
      );
      showAgenda();
    } catch (error) {
      showMessage(form, "error", (error as Error).message);
    }
  };

  const readForm = (): ReviewOutcomesForm => ({
    account: loaded?.account ?? context.account(),
    reviewDateIso: date.value,
    reviewType: type.value,
    attendees: attendees.value,
    items: readItems().map(({ custom: _custom, ...item }) => item),
  });

  date.addEventListener("change", () => void load());
  type.addEventListener("change", showAgenda);
  context.onAccountChange(() => {
    attendees.value = "";
    if (!form.closest("[hidden]")) void load();
  });
  byId("review-add-item").addEventListener("click", () => {
    const items = readItems();
    items.push(blankItem("", true));
    renderItems(items);
    byId(itemId(items.length - 1, "agendaItem")).focus();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const typed = readForm();
    if (!passesFormCheck(form, reviewOutcomesForm().safeParse(typed))) return;
    await saveForm(
      form,
      () => callServer("saveReviewOutcomes", typed),
      (result) => {
        renderItems(readItems().map((item) => blankItem(item.agendaItem, item.custom)));
        showMessage(form, "success", result.message);
      },
    );
  });

  return {
    show: () => {
      if (loadedKey !== `${context.account()}|${date.value}`) void load();
    },
  };
}
