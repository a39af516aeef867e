import type { Transcript } from '../../model/transcript.js';
import { matchWords } from '../../transcripts/normalize.js';

/**
 * The transcript as match words (normalizeForMatch, the same form isQuoteGrounded uses), each
 * tied to its segment and to the raw characters it came from, so a match can be shown verbatim.
 */
export interface WordIndex {
  words: string[];
  segmentOf: number[];
  /** Offsets into `text` of the whitespace-separated token each word belongs to. */
  charStart: number[];
  charEnd: number[];
  /** Segment texts joined by one space. */
  text: string;
  /** Index of the first word of each segment (words.length when the segment has none). */
  firstWordOf: number[];
}

const cache = new WeakMap<Transcript, WordIndex>();

export function wordIndex(transcript: Transcript): WordIndex {
  let index = cache.get(transcript);
  if (!index) {
    index = buildIndex(transcript);
    cache.set(transcript, index);
  }
  return index;
}

function buildIndex(transcript: Transcript): WordIndex {
  const index: WordIndex = { words: [], segmentOf: [], charStart: [], charEnd: [], text: '', firstWordOf: [] };
  const parts: string[] = [];
  let offset = 0;
  transcript.segments.forEach((segment, n) => {
    index.firstWordOf.push(index.words.length);
    for (const token of segment.text.matchAll(/\S+/g)) {
      const start = offset + (token.index ?? 0);
      for (const word of matchWords(token[0])) {
        index.words.push(word);
        index.segmentOf.push(n);
        index.charStart.push(start);
        index.charEnd.push(start + token[0].length);
      }
    }
    parts.push(segment.text);
    offset += segment.text.length + 1;
  });
  index.text = parts.join(' ');
  return index;
}

/** Word range [from, to) of segments first..last inclusive. */
export function wordRange(index: WordIndex, firstSegment: number, lastSegment: number): { from: number; to: number } {
  const from = index.firstWordOf[firstSegment] ?? index.words.length;
  const to = index.firstWordOf[lastSegment + 1] ?? index.words.length;
  return { from, to };
}
