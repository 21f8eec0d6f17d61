// The bad-input table: each case calls one custom function (by its global name) with input a user could type.

/** One bad input: which global function, its arguments, and the exact message the cell must show. */
export interface BadInput {
  name: string;
  fn: string;
  args: unknown[];
  message: string;
}

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Bad inputs across the custom functions and the condition parser. */
export const BAD_INPUTS: BadInput[] = [
  {
    name: "text in a numeric cell",
    fn: "NRR",
    args: ["abc", 0, 0, 0],
    message: 'NRR: starting ARR must be a positive number, got "abc"',
  },
  {
    name: "zero starting ARR",
    fn: "NRR",
    args: [0, 10, 0, 0],
    message: "NRR: starting ARR must be a positive number, got 0",
  },
  {
    name: "negative starting ARR",
    fn: "GRR",
    args: [-5, 0, 0],
    message: "GRR: starting ARR must be a positive number, got -5",
  },
  {
    name: "#N/A text from an import",
    fn: "NRR",
    args: ["#N/A", 0, 0, 0],
    message: 'NRR: starting ARR must be a positive number, got "#N/A"',
  },
  {
    name: "NaN",
    fn: "NRR",
    args: [Number.NaN, 0, 0, 0],
    message: "NRR: starting ARR must be a positive number, got NaN",
  },
  {
    name: "Infinity",
    fn: "GRR",
    args: [Number.POSITIVE_INFINITY, 0, 0],
    message: "GRR: starting ARR must be a positive number, got Infinity",
  },
  {
    name: "negative churn",
    fn: "NRR",
    args: [100, 0, 0, -5],
    message: "NRR: churn must be zero or a positive number, got -5",
  },
  {
    name: "losses larger than starting ARR",
    fn: "GRR",
    args: [100, 60, 50],
    message: "GRR: downgrades plus churn (110) cannot exceed starting ARR (100)",
  },
  {
    name: "a date where a number belongs",
    fn: "NRR",
    args: [date("2026-10-01"), 0, 0, 0],
    message: "NRR: starting ARR must be a positive number, got the date 2026-10-01",
  },
  {
    name: "a boolean where a number belongs",
    fn: "CLV",
    args: [true, 0.8, 0.05],
    message: "CLV: average revenue must be zero or a positive number, got TRUE",
  },
  {
    name: "gross margin typed as 80 instead of 80%",
    fn: "CLV",
    args: [500, 80, 0.05],
    message: "CLV: gross margin must be a fraction between 0 and 1 (80% is 0.8), got 80",
  },
  {
    name: "zero churn rate",
    fn: "CLV",
    args: [500, 0.8, 0],
    message: "CLV: churn rate must be a fraction above 0 and at most 1 (5% is 0.05), got 0",
  },
  {
    name: "zero MRR",
    fn: "CAC_PAYBACK",
    args: [1200, 0, 0.8],
    message: "CAC_PAYBACK: MRR must be a positive number, got 0",
  },
  {
    name: "mixed array with text in row 2",
    fn: "NRR",
    args: [[[100], ["n/a"]], 0, 0, 0],
    message: 'NRR: starting ARR must be a positive number, got "n/a" (row 2 of the range)',
  },
  {
    name: "ranges of different sizes",
    fn: "GRR",
    args: [[[100], [200]], [[1], [2], [3]], 0],
    message:
      "GRR: downgrades is a 3×1 range but starting ARR is 2×1; give ranges of the same size or a single value",
  },
  {
    name: "component above 100",
    fn: "HEALTH_SCORE",
    args: [120, 50, 50, 50],
    message: "HEALTH_SCORE: usage must be a score from 0 to 100, got 120",
  },
  {
    name: "weights that are three numbers",
    fn: "HEALTH_SCORE",
    args: [80, 60, 70, 50, "40/30/30"],
    message:
      'HEALTH_SCORE: weights must be four numbers like "40/25/20/15" or a 4-cell range, got "40/30/30" (3 weights were given)',
  },
  {
    name: "weights that are words",
    fn: "HEALTH_SCORE",
    args: [80, 60, 70, 50, "heavy usage"],
    message:
      'HEALTH_SCORE: weights must be four numbers like "40/25/20/15" or a 4-cell range, got "heavy usage"',
  },
  {
    name: "negative weight",
    fn: "HEALTH_SCORE",
    args: [80, 60, 70, 50, "50/-10/30/30"],
    message:
      'HEALTH_SCORE: weights must be four numbers like "40/25/20/15" or a 4-cell range, got "50/-10/30/30" (a weight is negative)',
  },
  {
    name: "all-zero weights",
    fn: "HEALTH_SCORE",
    args: [80, 60, 70, 50, "0/0/0/0"],
    message:
      'HEALTH_SCORE: weights must be four numbers like "40/25/20/15" or a 4-cell range, got "0/0/0/0" (they add up to 0)',
  },
  {
    name: "bands in the wrong order",
    fn: "HEALTH_BAND",
    args: [75, "50/70/90"],
    message:
      'HEALTH_BAND: bands must be like "90/70/50" or "90/70", got "50/70/90" (cut-offs must go from highest to lowest)',
  },
  {
    name: "score as text",
    fn: "HEALTH_BAND",
    args: ["good", ""],
    message: 'HEALTH_BAND: score must be a score from 0 to 100, got "good"',
  },
  {
    name: "NPS answer of 11",
    fn: "NPS",
    args: [[[9], [11]]],
    message: "NPS: each response must be a whole number from 0 to 10, got 11 (row 2, column 1 of the range)",
  },
  {
    name: "NPS answer of 7.5",
    fn: "NPS",
    args: [[[7.5]]],
    message: "NPS: each response must be a whole number from 0 to 10, got 7.5",
  },
  {
    name: "adoption typed as 65 instead of 65%",
    fn: "EXPANSION_READY",
    args: [120, 65, 0, 0, "Yes", "Yes"],
    message: "EXPANSION_READY: adoption must be a fraction between 0 and 1 (80% is 0.8), got 65",
  },
  {
    name: "ISSO confirmation as Maybe",
    fn: "EXPANSION_READY",
    args: [120, 0.7, 0, 0, "Maybe", "Yes"],
    message: 'EXPANSION_READY: ISSO confirmed must be Yes or No (or TRUE/FALSE), got "Maybe"',
  },
  {
    name: "fractional ticket count",
    fn: "EXPANSION_READY",
    args: [120, 0.7, 1.5, 0, "Yes", "Yes"],
    message: "EXPANSION_READY: open P1/P2 tickets must be a whole number of zero or more, got 1.5",
  },
  {
    name: "fiscal year start Octember",
    fn: "FISCAL_QUARTER",
    args: [date("2026-10-15"), "Octember"],
    message: 'FISCAL_QUARTER: fiscal year start must be a month 1–12 or a month name, got "Octember"',
  },
  {
    name: "fiscal year start 13",
    fn: "FISCAL_QUARTER",
    args: [date("2026-10-15"), 13],
    message: "FISCAL_QUARTER: fiscal year start must be a month 1–12 or a month name, got 13",
  },
  {
    name: "a number where a date belongs",
    fn: "REVIEW_TYPE",
    args: [45, date("2026-07-20")],
    message: "REVIEW_TYPE: go-live date must be a date (a date cell or text like 2026-10-15), got 45",
  },
  {
    name: "a segment that is neither Federal nor Commercial",
    fn: "REVIEW_TYPE",
    args: [date("2026-01-15"), date("2026-07-20"), "Enterprise"],
    message: 'REVIEW_TYPE: segment must be Federal or Commercial (or blank for Federal), got "Enterprise"',
  },
  {
    name: "a number as the segment",
    fn: "REVIEW_TYPE",
    args: [date("2026-01-15"), date("2026-07-20"), 2],
    message: "REVIEW_TYPE: segment must be Federal or Commercial (or blank for Federal), got 2",
  },
  {
    name: "a renewal date that is not a date",
    fn: "REVIEW_TYPE",
    args: [date("2026-01-15"), date("2026-07-20"), "Commercial", "Q4"],
    message: 'REVIEW_TYPE: renewal date must be a date (a date cell or text like 2026-10-15), got "Q4"',
  },
  {
    name: "text that is not a date",
    fn: "FISCAL_QUARTER",
    args: ["next Tuesday"],
    message: 'FISCAL_QUARTER: date must be a date (a date cell or text like 2026-10-15), got "next Tuesday"',
  },
  {
    name: "an empty rule",
    fn: "THRESHOLD_STATUS",
    args: [0.3, ""],
    message:
      'THRESHOLD_STATUS: rules must be text like "below 40%: Training conversation; below 25%: At-risk escalation", got a blank cell',
  },
  {
    name: "a condition with no label",
    fn: "THRESHOLD_STATUS",
    args: [0.3, "below 40%"],
    message:
      'THRESHOLD_STATUS: rules clause 1 "below 40%" has no label: write it as "below 40%: At-risk escalation"',
  },
  {
    name: "an unknown unit",
    fn: "THRESHOLD_STATUS",
    args: [3, "above 4 parsecs: Slow"],
    message:
      'THRESHOLD_STATUS: rules clause 1: unknown unit "parsecs" (word 3 of "above 4 parsecs"): expected %, points, percentage points, ms, seconds, minutes, hours, days, business days or weeks',
  },
  {
    name: "a dangling for",
    fn: "THRESHOLD_STATUS",
    args: [[[1, 0.5]], "below 100% for: Missed"],
    message:
      'THRESHOLD_STATUS: rules clause 1: "for" must be followed by a number of consecutive periods, e.g. "for 2 consecutive periods"',
  },
  {
    name: "a word the parser cannot read",
    fn: "THRESHOLD_STATUS",
    args: [0.3, "below lots: Low"],
    message:
      'THRESHOLD_STATUS: rules clause 1: could not read "lots" (word 2 of "below lots"): expected a number such as 40%, 4 hours or 7',
  },
  {
    name: "two clauses separated by a comma instead of a semicolon",
    fn: "THRESHOLD_STATUS",
    args: [0.3, "below 40%: Training, below 25%: At-risk"],
    message:
      'THRESHOLD_STATUS: rules clause 1: the label "Training, below 25%: At-risk" contains another clause; separate clauses with ";"',
  },
  {
    name: "a clause with an empty condition",
    fn: "THRESHOLD_STATUS",
    args: [0.3, ": Low"],
    message: 'THRESHOLD_STATUS: rules clause 1 ": Low" has no condition: write it as "below 40%: Low"',
  },
  {
    name: "a bad target",
    fn: "THRESHOLD_STATUS",
    args: [0.3, "misses target: Breach", "at least ninety"],
    message:
      'THRESHOLD_STATUS: target: could not read "ninety" (word 3 of "at least ninety"): expected a number such as 40%, 4 hours or 7',
  },
  {
    name: "a value the rules cannot read",
    fn: "THRESHOLD_STATUS",
    args: [[["lots"]], "below 40%: Low"],
    message: 'THRESHOLD_STATUS: a value could not be read (not a number: "lots")',
  },
  {
    name: "a number as the rules",
    fn: "THRESHOLD_STATUS",
    args: [0.3, 40],
    message:
      'THRESHOLD_STATUS: rules must be text like "below 40%: Training conversation; below 25%: At-risk escalation", got 40',
  },
];
