// The "Review outcomes" form: one review of an account, one outcome per agenda item, with actions.
import * as z from "zod/mini";
import { buildOnce } from "../build-once";
import { CPARS_AREAS } from "../workbook-schema";
import {
  isIsoDate,
  MAX_LONG_TEXT_LENGTH,
  MAX_NAME_LENGTH,
  MAX_SHORT_TEXT_LENGTH,
  optionalChoice,
  optionalIsoDate,
  optionalText,
  requiredIsoDate,
  requiredText,
  textOf,
  whenArray,
} from "./form-fields";

/** Most agenda items one review form may carry. */
export const MAX_AGENDA_ITEMS = 40;

/** One agenda item's outcome as edited in the form. */
function agendaOutcomeEntry() {
  return z.object({
    agendaItem: requiredText("Agenda item", MAX_SHORT_TEXT_LENGTH, "Agenda item: give the item a name"),
    outcome: optionalText("Outcome", MAX_LONG_TEXT_LENGTH),
    decision: optionalText("Decision", MAX_SHORT_TEXT_LENGTH),
    actionOwner: optionalText("Action owner", MAX_NAME_LENGTH),
    actionDueIso: optionalIsoDate("Action due"),
    cparsArea: optionalChoice(CPARS_AREAS, "CPARS area: pick Schedule, Quality, Cost, Management or blank"),
  });
}

/** The review outcomes form as sent to `saveReviewOutcomes` (its schema, built on first use). */
export const reviewOutcomesForm = buildOnce(() =>
  z
    .object({
      account: requiredText("Account", MAX_NAME_LENGTH, "Pick an account tab"),
      reviewDateIso: requiredIsoDate("Review date", "Review date: pick the day of the review"),
      reviewType: requiredText("Review type", MAX_NAME_LENGTH, "Review type: pick the type of review"),
      attendees: requiredText("Attendees", MAX_SHORT_TEXT_LENGTH, "Attendees: list who took part"),
      items: z
        .array(agendaOutcomeEntry())
        .check(z.maxLength(MAX_AGENDA_ITEMS, `At most ${MAX_AGENDA_ITEMS} agenda items`)),
    })
    .check(
      z.superRefine((form, ctx) => {
        const at = (index: number, field: string, message: string) =>
          ctx.addIssue({ code: "custom", message, path: ["items", index, field] });
        const reviewDate = isIsoDate(textOf(form, "reviewDateIso")) ? textOf(form, "reviewDateIso") : "";
        const items: unknown[] = form.items;
        items.forEach((item, index) => {
          const [outcome, decision, owner, due, cpars] = [
            "outcome",
            "decision",
            "actionOwner",
            "actionDueIso",
            "cparsArea",
          ].map((key) => textOf(item, key));
          if (outcome === "" && (decision !== "" || owner !== "" || due !== "" || cpars !== ""))
            at(index, "outcome", "Outcome: write what came of this item (or clear its decision and action)");
          if (owner !== "" && due === "") at(index, "actionDueIso", "Action due: give the action a due date");
          if (owner === "" && due !== "") at(index, "actionOwner", "Action owner: say who owns the action");
          if (isIsoDate(due) && reviewDate !== "" && due < reviewDate)
            at(index, "actionDueIso", `Action due: expected on or after the review date ${reviewDate}`);
        });
        if (items.length === 0)
          ctx.addIssue({ code: "custom", message: "Add at least one agenda item", path: ["items"] });
        else if (items.every((item) => textOf(item, "outcome") === ""))
          at(0, "outcome", "Outcome: record the outcome of at least one agenda item");
      }, whenArray("items")),
    ),
);

/** The review outcomes form as typed. */
export type ReviewOutcomesForm = z.input<ReturnType<typeof reviewOutcomesForm>>;
/** The review outcomes form after validation (trimmed). */
export type ValidReviewOutcomesForm = z.output<ReturnType<typeof reviewOutcomesForm>>;

/** The agenda items that carry an outcome: the rows a save appends to Review Outcomes. */
export function recordedOutcomes(form: ValidReviewOutcomesForm): ValidReviewOutcomesForm["items"] {
  return form.items.filter((item) => item.outcome !== "");
}
