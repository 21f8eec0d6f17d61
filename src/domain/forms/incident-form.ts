// The sidebar's incident form: log an incident of an account, or close one (Resolved, Root cause report), by the Incidents tab's rules.
import * as z from "zod/mini";
import { buildOnce } from "../build-once";
import { PRIORITIES } from "../workbook-schema";
import {
  choice,
  isIsoDate,
  MAX_LONG_TEXT_LENGTH,
  MAX_NAME_LENGTH,
  optionalIsoDate,
  requiredText,
  textOf,
} from "./form-fields";

/** `2026-03-04T14:30`, as an `<input type="datetime-local">` gives it: a wall-clock reading on the spreadsheet's clock. */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** True for `YYYY-MM-DDTHH:MM` naming a real day and time. */
export function isLocalDateTime(text: string): boolean {
  const match = LOCAL_DATE_TIME.exec(text);
  return match !== null && isIsoDate(match[1]) && Number(match[2]) < 24 && Number(match[3]) < 60;
}

/** A date and time field (`datetime-local`); `required` gives the message for an empty one. */
function localDateTime(label: string, required?: string) {
  return z.string({ error: `${label}: expected a date and time` }).check(
    z.trim(),
    ...(required ? [z.minLength(1, required)] : []),
    z.refine(
      (text) => text === "" || isLocalDateTime(text),
      `${label}: expected a date and time like 2026-03-04 14:30`,
    ),
  );
}

/** The incident form as sent to `saveIncident` (its schema, built on first use). */
export const incidentForm = buildOnce(() =>
  z
    .object({
      /** The account tab picked in the sidebar. */
      account: requiredText("Account", MAX_NAME_LENGTH, "Pick an account tab"),
      /** `new` logs an incident; `update` changes the one with this ID (closing it, adding its report). */
      mode: choice(["new", "update"], "Pick a new incident or one already logged"),
      incidentId: requiredText("Incident ID", 60, "Incident ID: give the incident an ID (e.g. INC-1042)"),
      priority: choice(PRIORITIES, "Priority: pick P1, P2, P3 or P4"),
      startedLocal: localDateTime("Started", "Started: when did the incident start?"),
      resolvedLocal: localDateTime("Resolved"),
      affectsAvailability: choice(["Yes", "No"], "Affects availability: pick Yes or No"),
      summary: z
        .string({ error: "Summary: expected text" })
        .check(
          z.trim(),
          z.maxLength(MAX_LONG_TEXT_LENGTH, `Summary: at most ${MAX_LONG_TEXT_LENGTH} characters`),
        ),
      rootCauseIso: optionalIsoDate("Root cause report"),
    })
    .check(
      z.superRefine((form, ctx) => {
        const at = (field: string, message: string) =>
          ctx.addIssue({ code: "custom", message, path: [field] });
        const started = textOf(form, "startedLocal");
        const resolved = textOf(form, "resolvedLocal");
        const report = textOf(form, "rootCauseIso");
        if (isLocalDateTime(started) && isLocalDateTime(resolved) && resolved < started)
          at("resolvedLocal", `Resolved: expected on or after Started (${started.replace("T", " ")})`);
        if (isLocalDateTime(started) && isIsoDate(report) && report < started.slice(0, 10))
          at(
            "rootCauseIso",
            `Root cause report: expected on or after the day it started (${started.slice(0, 10)})`,
          );
      }),
    ),
);

/** The incident form as typed. */
export type IncidentForm = z.input<ReturnType<typeof incidentForm>>;
/** The incident form after validation (trimmed). */
export type ValidIncidentForm = z.output<ReturnType<typeof incidentForm>>;

/** One incident of the account as the form shows it (`loadIncidents`). */
export interface IncidentRow {
  incidentId: string;
  priority: string;
  /** `YYYY-MM-DDTHH:MM` on the spreadsheet's clock. */
  startedLocal: string;
  /** `""` while open. */
  resolvedLocal: string;
  affectsAvailability: "Yes" | "No";
  summary: string;
  /** `YYYY-MM-DD` or `""`. */
  rootCauseIso: string;
}

/** `loadIncidents({account})`: the account's incidents, open ones first, and the rows the tab could not read. */
export interface IncidentsFormData {
  account: string;
  accountName: string;
  incidents: IncidentRow[];
  /** Problems of the account's rows on the Incidents tab (rows left out), each naming the cell. */
  problems: string[];
  /** Set when the workbook has no Incidents tab yet (the first save creates it). */
  notice: string;
}
