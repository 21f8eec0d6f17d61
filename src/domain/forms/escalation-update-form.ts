// The "Escalations" form: acknowledge, snooze until a date, or resolve one Escalation Log row, with a note.
import * as z from "zod/mini";
import { addDays, parseIsoDate, toIsoDate } from "../civil-date";
import {
  MAX_LONG_TEXT_LENGTH,
  MAX_NAME_LENGTH,
  optionalIsoDate,
  optionalText,
  requiredText,
} from "./form-fields";

/** What the user does to an escalation. */
export const ESCALATION_ACTIONS = ["acknowledge", "snooze", "resolve"] as const;
/** One of {@link ESCALATION_ACTIONS}. */
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];
/** Longest snooze accepted, in days. */
export const MAX_SNOOZE_DAYS = 366;

/**
 * The escalation update form as sent to `updateEscalation`. `todayIso` is the spreadsheet's today
 * (the browser uses the one the server sent; the server its own): a snooze ends after today.
 */
export function escalationUpdateForm(todayIso: string) {
  const today = parseIsoDate(todayIso);
  const latest = today ? toIsoDate(addDays(today, MAX_SNOOZE_DAYS)) : "9999-12-31";
  return z
    .object({
      account: requiredText("Account", MAX_NAME_LENGTH, "Pick an account tab"),
      id: requiredText("ID", MAX_NAME_LENGTH, "The escalation's ID is missing"),
      /** The status the user saw; the save is refused if the row changed meanwhile. */
      expectedStatus: optionalText("Status", MAX_NAME_LENGTH),
      action: z.enum(ESCALATION_ACTIONS, { error: "Pick acknowledge, snooze or resolve" }),
      snoozeUntilIso: optionalIsoDate("Snooze until"),
      note: optionalText("Note", MAX_LONG_TEXT_LENGTH),
    })
    .check(
      z.superRefine((form, ctx) => {
        if (form.action === "snooze") {
          if (form.snoozeUntilIso === "")
            ctx.addIssue({ code: "custom", message: "Snooze until: pick a date", path: ["snoozeUntilIso"] });
          else if (form.snoozeUntilIso <= todayIso)
            ctx.addIssue({
              code: "custom",
              message: `Snooze until: expected a date after today (${todayIso})`,
              path: ["snoozeUntilIso"],
            });
          else if (form.snoozeUntilIso > latest)
            ctx.addIssue({
              code: "custom",
              message: `Snooze until: at most a year ahead (${latest})`,
              path: ["snoozeUntilIso"],
            });
        }
        if (form.action === "resolve" && form.note === "")
          ctx.addIssue({ code: "custom", message: "Note: say how it was resolved", path: ["note"] });
      }),
    );
}

/** The escalation update form as typed. */
export type EscalationUpdateForm = z.input<ReturnType<typeof escalationUpdateForm>>;
/** The escalation update form after validation. */
export type ValidEscalationUpdateForm = z.output<ReturnType<typeof escalationUpdateForm>>;
