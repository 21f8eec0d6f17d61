// What the workbook accepts as an email address (Owner email, Roles › Email): one pattern for both.

const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** True for a single address such as `name@agency.gov` (no display name, no list). */
export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}
