// The English month and weekday names Sheets and Apps Script print (en_US locale), one list for the emulation.

/** January … December, as `MMMM` / `mmmm` print them. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Sunday … Saturday, as `EEEE` / `dddd` print them. */
export const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
