import type { EpisodeDoc, Sentence } from '../document/index.js';
import type { Housekeeping } from './housekeeping.js';

/** A candidate insight: 1–3 contiguous sentences of one turn. */
export interface Passage {
  first: number;
  last: number;
  words: number;
  start: number;
  end: number;
}

const MAX_SENTENCES = 3;
const MIN_WORDS = 12;
const MAX_WORDS = 90;

export function candidatePassages(doc: EpisodeDoc, house: Housekeeping): Passage[] {
  const out: Passage[] = [];
  const { sentences } = doc;
  for (let i = 0; i < sentences.length; i += 1) {
    const head = sentences[i] as Sentence;
    let words = 0;
    for (let j = i; j < Math.min(sentences.length, i + MAX_SENTENCES); j += 1) {
      const s = sentences[j] as Sentence;
      if (s.turn !== head.turn || house.excluded[j]) break;
      words += s.words;
      if (words > MAX_WORDS) break;
      if (words >= MIN_WORDS) out.push({ first: i, last: j, words, start: head.start, end: s.end });
    }
  }
  return out;
}
