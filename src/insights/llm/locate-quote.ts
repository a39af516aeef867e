import type { WordIndex } from './word-index.js';

export interface QuoteMatch {
  /** First and last matched transcript word, inclusive. */
  first: number;
  last: number;
  /** Word insertions, deletions and substitutions between the quote and the transcript. */
  edits: number;
}

/** Shorter quotes prove nothing: a handful of common words occurs anywhere. */
const MIN_QUOTE_WORDS = 4;
/** Model quotes may differ from the transcript by this share of their words. */
const MAX_EDIT_RATIO = 0.1;

/**
 * Finds the quote's words in `index.words[from, to)` allowing at most 10% word edits
 * (semi-global edit distance: the quote must match whole, anywhere in the range). Among equally
 * good matches, the one whose word is nearest `near` wins.
 */
export function locateQuote(
  quote: string[],
  index: WordIndex,
  range: { from: number; to: number },
  near?: (word: number) => number,
): QuoteMatch | undefined {
  const m = quote.length;
  if (m < MIN_QUOTE_WORDS) return undefined;
  const maxEdits = Math.floor(m * MAX_EDIT_RATIO);
  // cost[i] / start[i]: best edits aligning quote[0, i) to transcript words ending at the current column.
  let cost = Array.from({ length: m + 1 }, (_, i) => i);
  let start = new Array<number>(m + 1).fill(range.from);
  let best: QuoteMatch | undefined;
  let bestDistance = Infinity;
  for (let j = range.from; j < range.to; j += 1) {
    const word = index.words[j];
    const nextCost = new Array<number>(m + 1);
    const nextStart = new Array<number>(m + 1);
    nextCost[0] = 0;
    nextStart[0] = j + 1;
    for (let i = 1; i <= m; i += 1) {
      const diagonal = (cost[i - 1] ?? 0) + (quote[i - 1] === word ? 0 : 1);
      const skipTranscript = (cost[i] ?? 0) + 1;
      const skipQuote = (nextCost[i - 1] ?? 0) + 1;
      if (diagonal <= skipTranscript && diagonal <= skipQuote) {
        nextCost[i] = diagonal;
        nextStart[i] = start[i - 1] ?? j;
      } else if (skipTranscript <= skipQuote) {
        nextCost[i] = skipTranscript;
        nextStart[i] = start[i] ?? j;
      } else {
        nextCost[i] = skipQuote;
        nextStart[i] = nextStart[i - 1] ?? j;
      }
    }
    cost = nextCost;
    start = nextStart;
    const edits = cost[m] ?? Infinity;
    if (edits > maxEdits) continue;
    const first = Math.min(start[m] ?? j, j);
    const distance = near ? near(first) : 0;
    if (!best || edits < best.edits || (edits === best.edits && distance < bestDistance)) {
      best = { first, last: j, edits };
      bestDistance = distance;
    }
  }
  return best;
}
