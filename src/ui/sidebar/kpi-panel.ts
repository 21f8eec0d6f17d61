// The "Contract KPIs" panel: pick or start a metric, edit its catalog row and escalation rules, save.
import { checkConditionText } from "../../domain/forms/condition-check";
import {
  escalateToProblem,
  type KpiDefinitionForm,
  kpiDefinitionForm,
} from "../../domain/forms/kpi-definition-form";
import { SEGMENTS } from "../../domain/segment";
import { CATEGORIES, CPARS_AREAS, SEVERITIES } from "../../domain/workbook-schema";
import { callServer } from "../call-server";
import type { SidebarContext } from "./context";
import { byId, field, h, setOptions } from "./dom";
import { passesFormCheck, saveForm, setFieldError, showMessage, whileBusy } from "./form-status";

type Rule = KpiDefinitionForm["rules"][number];

const CADENCES = ["Monthly", "Quarterly", "Per review", "Annually", "Continuous"];
const RESPOND_WITHIN = ["immediately", "24 hours", "48 hours", "5 business days", "2 weeks"];

/** An empty form for a new metric. */
export function blankKpiForm(): KpiDefinitionForm {
  return {
    originalMetric: "",
    version: "",
    metric: "",
    category: "Contract-facing",
    clinRef: "",
    definition: "",
    target: "",
    measurementMethod: "",
    reportingCadence: "Monthly",
    cparsArea: "",
    segment: "All",
    rules: [],
  };
}

function blankRule(): Rule {
  return {
    severity: "Warning",
    condition: "",
    fromMonth: "",
    action: "",
    respondWithin: "5 business days",
    segment: "All",
    escalateTo: "",
    reachesCo: "",
  };
}

const SEGMENT_CHOICES = ["All", ...SEGMENTS];

/** Shows an Escalate to problem under the field as the user types (role names separated by `;`). */
function checkEscalateToLive(control: HTMLInputElement): void {
  setFieldError(control, escalateToProblem(control.value) ?? "");
}

function input(id: string, key: string, value: string, extra: Record<string, string> = {}): HTMLInputElement {
  return h("input", { id, "data-field": key, value, autocomplete: "off", ...extra });
}

function select(id: string, key: string, values: readonly string[], value: string): HTMLSelectElement {
  const element = h("select", { id, "data-field": key });
  setOptions(
    element,
    values.map((v) => ({ value: v, label: v === "" ? "(none)" : v })),
    value,
  );
  return element;
}

/** Shows the condition parser's verdict under a condition field as the user types: its message, or how it reads. */
function checkConditionLive(control: HTMLInputElement, label: string): void {
  const text = control.value.trim();
  const hint = document.getElementById(`${control.id}-hint`);
  const check = text === "" ? null : checkConditionText(text);
  setFieldError(control, check && !check.ok ? `${label}: ${check.message}` : "");
  if (hint) hint.textContent = check?.ok ? check.description : (hint.dataset.default ?? "");
}

/** The Contract KPIs panel. */
export function setUpKpiPanel(context: SidebarContext): void {
  const form = byId<HTMLFormElement>("kpi-form");
  const pick = byId<HTMLSelectElement>("kpi-pick");
  const fieldsBox = byId("kpi-fields");
  const rulesBox = byId("kpi-rules");
  let loaded: KpiDefinitionForm = blankKpiForm();

  const fillPicker = (metrics: string[], selected: string) =>
    setOptions(
      pick,
      [{ value: "", label: "New metric…" }, ...metrics.map((metric) => ({ value: metric, label: metric }))],
      selected,
    );

  const renderRules = (rules: Rule[]) => {
    rulesBox.replaceChildren(
      ...rules.map((rule, index) => {
        const key = (name: string) => `rules.${index}.${name}`;
        const id = (name: string) => `kpi-rule-${index}-${name}`;
        const condition = input(id("condition"), key("condition"), rule.condition, {
          placeholder: "below 40%",
        });
        condition.addEventListener("input", () => checkConditionLive(condition, "Condition"));
        const escalateTo = input(id("escalateTo"), key("escalateTo"), rule.escalateTo ?? "", {
          placeholder: "owner only",
        });
        escalateTo.addEventListener("input", () => checkEscalateToLive(escalateTo));
        return h(
          "fieldset",
          { class: "card rule", "data-rule": index },
          h(
            "div",
            { class: "card-head" },
            h("legend", { text: `Rule ${index + 1}` }),
            h("button", {
              type: "button",
              class: "link danger",
              text: "Remove",
              "aria-label": `Remove rule ${index + 1}`,
              onclick: () => {
                const current = readRules();
                current.splice(index, 1);
                renderRules(current);
              },
            }),
          ),
          field("Severity", select(id("severity"), key("severity"), SEVERITIES, rule.severity)),
          field("Condition", condition),
          h(
            "div",
            { class: "row-1-2" },
            field(
              "From month",
              input(id("fromMonth"), key("fromMonth"), rule.fromMonth, {
                inputmode: "numeric",
                placeholder: "always",
              }),
            ),
            field(
              "Respond within",
              input(id("respondWithin"), key("respondWithin"), rule.respondWithin, {
                list: "respond-within-options",
              }),
            ),
          ),
          field("Action", input(id("action"), key("action"), rule.action)),
          h(
            "div",
            { class: "row-1-2" },
            field("Reaches CO", select(id("reachesCo"), key("reachesCo"), ["", "Yes"], rule.reachesCo ?? "")),
            field("Segment", select(id("segment"), key("segment"), SEGMENT_CHOICES, rule.segment ?? "All")),
          ),
          field(
            "Escalate to",
            escalateTo,
            "Roles of the Roles tab told besides the owner, e.g. Revenue Lead",
          ),
        );
      }),
    );
    for (const condition of Array.from(
      rulesBox.querySelectorAll<HTMLInputElement>('[data-field$=".condition"]'),
    ))
      checkConditionLive(condition, "Condition");
  };

  const value = (id: string) => byId<HTMLInputElement>(id).value;
  const readRules = (): Rule[] =>
    Array.from(rulesBox.querySelectorAll<HTMLElement>("[data-rule]")).map((card) => {
      const index = card.dataset.rule;
      const read = (name: string) => value(`kpi-rule-${index}-${name}`);
      return {
        severity: read("severity") as Rule["severity"],
        condition: read("condition"),
        fromMonth: read("fromMonth"),
        action: read("action"),
        respondWithin: read("respondWithin"),
        segment: read("segment") as Rule["segment"],
        escalateTo: read("escalateTo"),
        reachesCo: read("reachesCo") as Rule["reachesCo"],
      };
    });

  const readForm = (): KpiDefinitionForm => ({
    originalMetric: loaded.originalMetric,
    version: loaded.version,
    metric: value("kpi-metric"),
    category: value("kpi-category") as KpiDefinitionForm["category"],
    clinRef: value("kpi-clin"),
    definition: value("kpi-definition"),
    target: value("kpi-target"),
    measurementMethod: value("kpi-method"),
    reportingCadence: value("kpi-cadence"),
    cparsArea: value("kpi-cpars") as KpiDefinitionForm["cparsArea"],
    segment: value("kpi-segment") as KpiDefinitionForm["segment"],
    rules: readRules(),
  });

  const render = (data: KpiDefinitionForm) => {
    loaded = data;
    const target = input("kpi-target", "target", data.target, { placeholder: "at least 99.5%" });
    target.addEventListener("input", () => checkConditionLive(target, "Target"));
    fieldsBox.replaceChildren(
      field("Metric", input("kpi-metric", "metric", data.metric, { required: "" })),
      field("Category", select("kpi-category", "category", CATEGORIES, data.category)),
      field(
        "CLIN / QASP ref",
        input("kpi-clin", "clinRef", data.clinRef, { placeholder: "CLIN 0001 / QASP 3.2" }),
      ),
      field(
        "Definition",
        h("textarea", { id: "kpi-definition", "data-field": "definition", rows: 2, value: data.definition }),
      ),
      field("Target", target, "What good looks like, e.g. at least 99.5%"),
      field("Measurement method", input("kpi-method", "measurementMethod", data.measurementMethod)),
      h(
        "div",
        { class: "row-2" },
        field(
          "Reporting cadence",
          input("kpi-cadence", "reportingCadence", data.reportingCadence, { list: "cadence-options" }),
        ),
        field("CPARS area", select("kpi-cpars", "cparsArea", ["", ...CPARS_AREAS], data.cparsArea)),
      ),
      field(
        "Segment",
        select("kpi-segment", "segment", SEGMENT_CHOICES, data.segment ?? "All"),
        "Which accounts the metric is for",
      ),
      h("datalist", { id: "cadence-options" }, ...CADENCES.map((c) => h("option", { value: c }))),
      h(
        "datalist",
        { id: "respond-within-options" },
        ...RESPOND_WITHIN.map((c) => h("option", { value: c })),
      ),
    );
    renderRules(data.rules);
    checkConditionLive(target, "Target");
  };

  const load = async (metric: string) => {
    showMessage(form, "info", "");
    if (metric === "") {
      render(blankKpiForm());
      return;
    }
    try {
      const data = await whileBusy(form, "Loading…", () => callServer("loadKpiDefinition", metric));
      render(data.form);
    } catch (error) {
      showMessage(form, "error", (error as Error).message);
    }
  };

  byId("kpi-add-rule").addEventListener("click", () => {
    const rules = readRules();
    rules.push(blankRule());
    renderRules(rules);
    byId(`kpi-rule-${rules.length - 1}-severity`).focus();
  });
  pick.addEventListener("change", () => void load(pick.value));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const typed = readForm();
    if (!passesFormCheck(form, kpiDefinitionForm().safeParse(typed))) return;
    await saveForm(
      form,
      () => callServer("saveKpiDefinition", typed),
      (result) => {
        context.state.metrics = result.metrics;
        fillPicker(result.metrics, result.data.form.metric);
        render(result.data.form);
        showMessage(form, "success", result.message);
      },
    );
  });

  fillPicker(context.state.metrics, "");
  render(blankKpiForm());
}
