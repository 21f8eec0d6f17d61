// The words a commercial customer must never read (SPEC §6): they belong to federal contracts.

/**
 * Matches federal wording: CPARS, ISSO, POA&M, CLIN(s), option year, contracting officer, agency, the
 * CO as a word, ConMon, QASP. Use it on everything a commercial account's review, digest or
 * Portfolio row shows.
 */
export const FEDERAL_WORDING =
  /CPARS|ISSO|POA&M|\bCLINs?\b|option years?|contracting officer|agency|agencies|\bCO\b|ConMon|QASP/i;
