// Converts between the sidebar's ISO dates and Sheets' Date values in the spreadsheet's time zone.
import { type CivilDate, fromSerial, toIsoDate, toSerial } from "../../domain/civil-date";
import { wallClockReader } from "../wall-clock";

const MS_PER_DAY = 86_400_000;

/** The instant of midnight starting `date` in `timeZone` (what a date cell holds in that spreadsheet). */
export function civilDateToDate(date: CivilDate, timeZone: string): Date {
  const read = wallClockReader(timeZone);
  const wanted = toSerial(date);
  let instant = Date.UTC(date.year, date.month - 1, date.day);
  // Two corrections settle the zone offset, including across a daylight-saving change.
  for (let i = 0; i < 2; i += 1) {
    const seen = toSerial(read(new Date(instant)));
    instant -= Math.round((seen - wanted) * MS_PER_DAY);
  }
  return new Date(instant);
}

/** The calendar day of a `Date` cell in `timeZone`. */
export function dateToCivil(value: Date, timeZone: string): CivilDate {
  return fromSerial(toSerial(wallClockReader(timeZone)(value)));
}

/** `YYYY-MM-DD` of a `Date` cell in `timeZone`. */
export function dateToIso(value: Date, timeZone: string): string {
  return toIsoDate(dateToCivil(value, timeZone));
}

/** Today in `timeZone`, `YYYY-MM-DD`. */
export function todayIso(timeZone: string): string {
  return dateToIso(new Date(), timeZone);
}
