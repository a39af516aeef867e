import type { Sentence } from '../document/index.js';
import { cosine, sumVectors, type SparseVector } from './vectors.js';

/** About one sub-topic per this many words (a few minutes of talk). */
const BLOCK_WORDS = 1200;
/** Words compared on each side of a candidate boundary. */
const WINDOW_WORDS = 120;

function windowVector(sentences: Sentence[], vectors: SparseVector[], from: number, step: 1 | -1): SparseVector {
  const parts: SparseVector[] = [];
  let words = 0;
  for (let j = from; j >= 0 && j < sentences.length && words < WINDOW_WORDS; j += step) {
    words += (sentences[j] as Sentence).words;
    parts.push(vectors[j] as SparseVector);
  }
  return parts.length ? sumVectors(parts) : new Map();
}

/**
 * TextTiling (Hearst 1997), simplified: lexical cohesion between the words before and after
 * each sentence gap; the deepest dips are topic shifts. `vectors` are the sentences' weighted
 * words. Returns a block number per sentence.
 */
export function topicBlocks(sentences: Sentence[], vectors: SparseVector[], blockWords = BLOCK_WORDS): Int32Array {
  const n = sentences.length;
  const blockOf = new Int32Array(n);
  const total = sentences.reduce((a, s) => a + s.words, 0);
  const k = Math.round(total / blockWords);
  if (k < 2) return blockOf;
  const cohesion: number[] = [0];
  for (let i = 1; i < n; i += 1) {
    cohesion.push(cosine(windowVector(sentences, vectors, i - 1, -1), windowVector(sentences, vectors, i, 1)));
  }
  const depth = cohesion.map((c, i) => {
    if (i === 0) return -1;
    let left = c;
    for (let j = i; j >= 1 && (cohesion[j] as number) >= left; j -= 1) left = cohesion[j] as number;
    let right = c;
    for (let j = i; j < n && (cohesion[j] as number) >= right; j += 1) right = cohesion[j] as number;
    return left - c + (right - c);
  });
  const wordsBefore: number[] = [];
  let acc = 0;
  for (const s of sentences) {
    wordsBefore.push(acc);
    acc += s.words;
  }
  // Blocks shorter than half the target are not sub-topics but asides.
  const minWords = blockWords / 2;
  const fits = (i: number, chosen: number[]): boolean =>
    (wordsBefore[i] as number) >= minWords &&
    total - (wordsBefore[i] as number) >= minWords &&
    chosen.every((b) => Math.abs((wordsBefore[b] as number) - (wordsBefore[i] as number)) >= minWords);
  const boundaries: number[] = [];
  const order = depth.map((d, i) => [d, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [d, i] of order) {
    if (boundaries.length >= k - 1 || d <= 0) break;
    if (fits(i, boundaries)) boundaries.push(i);
  }
  boundaries.sort((a, b) => a - b);
  let block = 0;
  for (let i = 0; i < n; i += 1) {
    while (block < boundaries.length && i >= (boundaries[block] as number)) block += 1;
    blockOf[i] = block;
  }
  return blockOf;
}
