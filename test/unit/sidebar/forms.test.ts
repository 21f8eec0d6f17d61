// The sidebar's forms accept what a CS lead would type and point at the field of anything else.
import { describe, expect, it } from "vitest";
import { escalationUpdateForm } from "../../../src/domain/forms/escalation-update-form";
import { fieldErrorsOf, type IssueLike } from "../../../src/domain/forms/form-result";
import { type KpiDefinitionForm, kpiDefinitionForm } from "../../../src/domain/forms/kpi-definition-form";
import { type ReviewOutcomesForm, reviewOutcomesForm } from "../../../src/domain/forms/review-outcomes-form";
import { changedEntries, valuesForm } from "../../../src/domain/forms/values-form";

interface Parser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: IssueLike[] } };
}

function errorsOf(schema: Parser, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? {} : fieldErrorsOf(result.error.issues);
}

const kpi: KpiDefinitionForm = {
  originalMetric: "",
  version: "",
  metric: "  Incident response time ",
  category: "Contract-facing",
  clinRef: "QASP 4.2",
  definition: "Time to first response on P1 incidents",
  target: "at most 4 hours",
  measurementMethod: "Ticket system",
  reportingCadence: "Monthly",
  cparsArea: "Schedule",
  rules: [
    {
      severity: "Warning",
      condition: "above 4 hours",
      fromMonth: "",
      action: "Root-cause note",
      respondWithin: "5 business days",
    },
    {
      severity: "Critical",
      condition: "above 8 hours for 2 consecutive periods",
      fromMonth: "Month 3+",
      action: "Call PM",
      respondWithin: "24 hours",
    },
  ],
};

describe("the Contract KPIs form", () => {
  it("accepts a complete definition and trims what was typed", () => {
    const result = kpiDefinitionForm().safeParse(kpi);
    expect(result.success).toBe(true);
    expect(result.data?.metric).toBe("Incident response time");
  });

  it("puts the condition parser's message, naming the word, under the rule's condition", () => {
    const errors = errorsOf(kpiDefinitionForm(), {
      ...kpi,
      rules: [{ ...kpi.rules[0], condition: "below fourty%" }],
    });
    expect(errors["rules.0.condition"]).toMatch(/^Condition: could not read "fourty"/);
  });

  it("checks the target in the condition language but lets it be blank", () => {
    expect(errorsOf(kpiDefinitionForm(), { ...kpi, target: "at lest 99%" }).target).toMatch(/^Target: /);
    expect(errorsOf(kpiDefinitionForm(), { ...kpi, target: "" })).toEqual({});
  });

  it("explains a response window or start month it cannot read", () => {
    const errors = errorsOf(kpiDefinitionForm(), {
      ...kpi,
      rules: [{ ...kpi.rules[0], respondWithin: "soonish", fromMonth: "third" }],
    });
    expect(errors["rules.0.respondWithin"]).toMatch(/Respond within.*"soonish"/);
    expect(errors["rules.0.fromMonth"]).toMatch(/From month/);
  });

  it("requires a name and a known category and flags a repeated rule", () => {
    const errors = errorsOf(kpiDefinitionForm(), {
      ...kpi,
      metric: " ",
      category: "External",
      rules: [kpi.rules[0], { ...kpi.rules[0], condition: "Above 4 hours" }],
    });
    expect(Object.keys(errors).sort()).toEqual(["category", "metric", "rules.1.condition"]);
  });
});

describe("the Enter values form", () => {
  const form = {
    account: "Acme",
    periodIso: "2026-03-01",
    values: [
      { metric: "Uptime", before: "99.8%", value: "99.7%" },
      { metric: "Response", before: "4 hrs", value: "4 hrs" },
      { metric: "Usage", before: "", value: "" },
    ],
  };

  it("checks and writes only the values that changed, leaving odd stored text alone", () => {
    const result = valuesForm().safeParse(form);
    expect(result.success).toBe(true);
    expect(changedEntries(result.data!).map((e) => e.metric)).toEqual(["Uptime"]);
  });

  it("points at a changed value that is a number with a unit", () => {
    const errors = errorsOf(valuesForm(), {
      ...form,
      values: [{ metric: "Response", before: "", value: "4 hours" }],
    });
    expect(errors["values.0.value"]).toContain('"4 hours"');
  });

  it("wants the first day of a month as the period", () => {
    expect(errorsOf(valuesForm(), { ...form, periodIso: "2026-03-15" }).periodIso).toMatch(
      /first day of a month/,
    );
    expect(errorsOf(valuesForm(), { ...form, periodIso: "March" }).periodIso).toMatch(/expected a date/);
  });
});

describe("the Review outcomes form", () => {
  const item: ReviewOutcomesForm["items"][number] = {
    agendaItem: "Contract metrics YTD",
    outcome: "",
    decision: "",
    actionOwner: "",
    actionDueIso: "",
    cparsArea: "",
  };
  const review: ReviewOutcomesForm = {
    account: "Acme",
    reviewDateIso: "2026-04-10",
    reviewType: "Mid-year review + ISSO security check",
    attendees: "CS lead + agency PM",
    items: [
      {
        ...item,
        outcome: "On target",
        actionOwner: "ana@agency.gov",
        actionDueIso: "2026-04-30",
        cparsArea: "Quality",
      },
      { ...item, agendaItem: "Expansion signals" },
    ],
  };

  it("accepts outcomes for some agenda items and leaves the rest unrecorded", () => {
    expect(errorsOf(reviewOutcomesForm(), review)).toEqual({});
  });

  it("asks for at least one outcome", () => {
    const errors = errorsOf(reviewOutcomesForm(), { ...review, items: [review.items[1]] });
    expect(errors["items.0.outcome"]).toMatch(/at least one agenda item/);
  });

  it("pairs an action owner with a due date on or after the review", () => {
    const errors = errorsOf(reviewOutcomesForm(), {
      ...review,
      items: [
        { ...review.items[0], actionDueIso: "" },
        { ...item, agendaItem: "B", outcome: "x", actionOwner: "bo", actionDueIso: "2026-04-01" },
        { ...item, agendaItem: "C", decision: "Go" },
      ],
    });
    expect(errors["items.0.actionDueIso"]).toMatch(/due date/);
    expect(errors["items.1.actionDueIso"]).toMatch(/on or after the review date 2026-04-10/);
    expect(errors["items.2.outcome"]).toMatch(/write what came of this item/);
  });
});

describe("the escalation update form", () => {
  const schema = escalationUpdateForm("2026-04-10");
  const base = {
    account: "Acme",
    id: "ESC-1",
    expectedStatus: "Open",
    action: "acknowledge",
    snoozeUntilIso: "",
    note: "",
  };

  it("lets an escalation be acknowledged without a note", () => {
    expect(errorsOf(schema, base)).toEqual({});
  });

  it("snoozes only to a day after today and within a year", () => {
    expect(errorsOf(schema, { ...base, action: "snooze" }).snoozeUntilIso).toMatch(/pick a date/);
    expect(
      errorsOf(schema, { ...base, action: "snooze", snoozeUntilIso: "2026-04-10" }).snoozeUntilIso,
    ).toMatch(/after today \(2026-04-10\)/);
    expect(
      errorsOf(schema, { ...base, action: "snooze", snoozeUntilIso: "2027-06-01" }).snoozeUntilIso,
    ).toMatch(/at most a year ahead/);
    expect(errorsOf(schema, { ...base, action: "snooze", snoozeUntilIso: "2026-05-01" })).toEqual({});
  });

  it("asks how an escalation was resolved", () => {
    expect(errorsOf(schema, { ...base, action: "resolve" }).note).toMatch(/how it was resolved/);
  });
});
