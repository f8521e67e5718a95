import type { NumberRule } from "sanity";

// F CFA has no minor unit: every amount is a whole, non-negative number.
export const wholeNonNegative = (rule: NumberRule): NumberRule => rule.integer().min(0);
