import type { Token } from '../../text/index.js';

/**
 * Share of number words at which a passage reads as a tally ("five rounds, seven squat snatches,
 * 135.95"): a claim with a statistic holds about 1 in 25 words, a tally 1 in 4.
 */
const TALLY_NUMBER_SHARE = 0.25;
/** "One of the things…", "no one": tagged as numbers, but they count nothing. */
const PRONOUN_LIKE_NUMBERS = new Set(['one', 'ones']);

/** Number words per word, scaled so a tally reaches 1: a listing of counts, not a takeaway. */
export function numericDensity(tokens: Token[]): number {
  let words = 0;
  let numbers = 0;
  for (const t of tokens) {
    if (!t.isWord) continue;
    words += 1;
    if (t.isNumber && !PRONOUN_LIKE_NUMBERS.has(t.normal)) numbers += 1;
  }
  return Math.min(1, numbers / Math.max(1, words) / TALLY_NUMBER_SHARE);
}
