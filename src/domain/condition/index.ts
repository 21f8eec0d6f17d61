// The condition language: parse, print, explain and evaluate conditions and THRESHOLD_STATUS rule lists.

export type {
  AllCondition,
  AnyCondition,
  BetweenCondition,
  ChangeCondition,
  ClauseCondition,
  Comparator,
  CompareCondition,
  Condition,
  CrossCondition,
  Direction,
  IsCondition,
  IsTest,
  PeriodWord,
  Quantity,
  RollingCondition,
  StreakCondition,
  TargetCondition,
} from "./condition";
export { ConditionSyntaxError, type ConditionSyntaxErrorDetails } from "./condition-syntax-error";
export { conditionUnit } from "./condition-unit";
export { describeCondition } from "./describe-condition";
export {
  type ConditionResult,
  compareNumbers,
  type EvaluationContext,
  evaluateCondition,
  lastNonBlankIndex,
} from "./evaluate-condition";
export { formatCondition, formatQuantity } from "./format-condition";
export { parseCondition } from "./parse-condition";
export { parseQuantityText, type QuantityReading, type QuantityText, readQuantity } from "./read-quantity";
export { readYesNo } from "./read-yes-no";
export {
  type RollingWindow,
  type RollingWindowExtremes,
  type RollingWindowSource,
  rollingWindowLengths,
} from "./rolling-window";
export {
  evaluateRuleList,
  parseRuleList,
  type RuleClause,
  type RuleListResult,
  RuleListSyntaxError,
} from "./rule-list";
export { UNITS, type Unit } from "./units";
