/**
 * Fixed promo end dates, so the seed is the same on every run (no clock in the generator).
 * The catalogue was written on 2026-11-23; relative to that day:
 * - PROMO_ENDED is already over (the shop must show the list price),
 * - PROMO_THIS_WEEK ends within the week (the countdown shows days),
 * - PROMO_LONG runs for months (an ordinary current promo).
 * Tests that depend on "now" should pin their clock to SEED_REFERENCE_DATE, not the machine clock.
 * Times are 23:59:59 in Douala (UTC+1).
 */
export const SEED_REFERENCE_DATE = "2026-11-23T12:00:00.000Z";
export const PROMO_ENDED = "2026-10-31T22:59:59.000Z";
export const PROMO_THIS_WEEK = "2026-11-29T22:59:59.000Z";
export const PROMO_LONG = "2027-06-30T22:59:59.000Z";
