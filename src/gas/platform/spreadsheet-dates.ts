// Converts between the sidebar's ISO dates and Sheets' Date values in the spreadsheet's time zone.
import { type CivilDate, toIsoDate } from "../../domain/civil-date";
import { civilDateOf, dateOfCivil } from "../../domain/workbook/date-cells";
import { wallClockReader } from "./wall-clock";

/** The instant of midnight starting `date` in `timeZone` (what a date cell holds in that spreadsheet). */
export function civilDateToDate(date: CivilDate, timeZone: string): Date {
  return dateOfCivil(date, wallClockReader(timeZone));
}

/** The calendar day of a `Date` cell in `timeZone`. */
export function dateToCivil(value: Date, timeZone: string): CivilDate {
  return civilDateOf(value, wallClockReader(timeZone));
}

/** `YYYY-MM-DD` of a `Date` cell in `timeZone`. */
export function dateToIso(value: Date, timeZone: string): string {
  return toIsoDate(dateToCivil(value, timeZone));
}

/** Today in `timeZone`, `YYYY-MM-DD`. */
export function todayIso(timeZone: string): string {
  return dateToIso(new Date(), timeZone);
}
