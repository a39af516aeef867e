import { stem } from './wink.js';
import { ENGLISH_BUCKETS, ENGLISH_TOTAL } from './english-table.js';

let counts: Map<string, number> | undefined;

function table(): Map<string, number> {
  if (counts) return counts;
  counts = new Map();
  for (const line of ENGLISH_BUCKETS.split('\n')) {
    const [bucket, ...stems] = line.split(' ');
    const count = 2 ** (Number(bucket) / 2);
    for (const s of stems) counts.set(s, count);
  }
  return counts;
}

/** Stems rarer than the table's floor (count 5) are treated as seen twice. */
const UNSEEN_COUNT = 2;
export const MAX_ENGLISH_IDF = Math.log(ENGLISH_TOTAL / UNSEEN_COUNT);

/** ln(N / count) of a Porter stem in general spoken English. */
export function englishIdf(stemmed: string): number {
  return Math.log(ENGLISH_TOTAL / (table().get(stemmed) ?? UNSEEN_COUNT));
}

/** A stem used at least once in this many spoken words is everyday ("think", "need", "make"). */
export const COMMON_WORD_EVERY = 2000;
/** englishIdf at and above which a stem is rarer than that. */
export const COMMON_WORD_IDF = Math.log(COMMON_WORD_EVERY);

/** Rarer than one in `every` spoken words: sharing it says something about the topic. */
export function isRarerThan(stemmed: string, every = COMMON_WORD_EVERY): boolean {
  return englishIdf(stemmed) >= Math.log(every);
}

/** Convenience for callers holding a word rather than a stem. */
export function englishIdfOfWord(word: string): number {
  return englishIdf(stem(word.toLowerCase()));
}
