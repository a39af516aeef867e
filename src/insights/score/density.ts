import type { Token } from '../../text/index.js';

/**
 * Share of number words at which a passage reads as a tally ("five rounds, seven squat snatches,
 * 135.95"): a claim with a statistic holds about 1 in 25 words, a tally 1 in 4.
 */
const TALLY_NUMBER_SHARE = 0.25;
/** "One of the things…", "no one": tagged as numbers, but they count nothing. */
const PRONOUN_LIKE_NUMBERS = new Set(['one', 'ones']);

/** A number word that counts something: what numericDensity counts among a passage's words. */
export function countsSomething(word: Token): boolean {
  return word.isNumber && !PRONOUN_LIKE_NUMBERS.has(word.normal);
}

/**
 * Number words (`numbers` of them counting something) per word, scaled so a tally reaches 1: a
 * listing of counts, not a takeaway. The caller counts both in its own walk over the words.
 */
export function numericDensity(numbers: number, words: number): number {
  return Math.min(1, numbers / Math.max(1, words) / TALLY_NUMBER_SHARE);
}
