import { isContentToken, termOf, type Token } from '../../text/index.js';
import { spanAt, type Layout } from './layout.js';

export interface Sentence {
  index: number;
  turn: number;
  /** Token range, inclusive. */
  tokenFrom: number;
  tokenTo: number;
  charStart: number;
  charEnd: number;
  /** Indexes into layout.spans of the first and last segment the sentence touches. */
  spanFirst: number;
  spanLast: number;
  start: number;
  end: number;
  words: number;
  /** Stemmed content words, with repeats. */
  terms: string[];
  question: boolean;
}

/** Unpunctuated captions come as one endless "sentence"; cut those into speakable pieces. */
const SOFT_CUT_WORDS = 25;
const COMMA_CUT_WORDS = 40;
const HARD_CUT_WORDS = 70;

export function buildSentences(layout: Layout, tokens: Token[], winkSentences: Array<[number, number]>): Sentence[] {
  const tokenTurn = new Int32Array(tokens.length);
  const tokenSpan = new Int32Array(tokens.length);
  let turn = 0;
  tokens.forEach((t, i) => {
    while (turn < layout.turns.length - 1 && t.offset >= (layout.turns[turn]?.charEnd ?? 0)) turn += 1;
    tokenTurn[i] = turn;
    tokenSpan[i] = spanAt(layout.spans, t.offset);
  });

  const pieces: Array<[number, number]> = [];
  for (const [from, to] of winkSentences) {
    let start = from;
    let words = 0;
    for (let i = from; i <= to; i += 1) {
      const t = tokens[i];
      if (!t) continue;
      const newTurn = i > start && tokenTurn[i] !== tokenTurn[i - 1];
      const newSpan = i > start && tokenSpan[i] !== tokenSpan[i - 1];
      const afterComma = i > start && /^[,;:]$/.test(tokens[i - 1]?.value ?? '');
      if (
        newTurn ||
        (words >= SOFT_CUT_WORDS && newSpan) ||
        (words >= COMMA_CUT_WORDS && afterComma) ||
        words >= HARD_CUT_WORDS
      ) {
        pieces.push([start, i - 1]);
        start = i;
        words = 0;
      }
      if (t.isWord) words += 1;
    }
    pieces.push([start, to]);
  }

  const sentences: Sentence[] = [];
  for (const [rawFrom, rawTo] of mergeGlued(tokens, pieces)) {
    let from = rawFrom;
    let to = rawTo;
    while (from <= to && !tokens[from]?.value.trim()) from += 1;
    while (to >= from && !tokens[to]?.value.trim()) to -= 1;
    if (from > to) continue;
    const first = tokens[from];
    const last = tokens[to];
    if (!first || !last) continue;
    const slice = tokens.slice(from, to + 1);
    const words = slice.filter((t) => t.isWord).length;
    if (words === 0) continue;
    const spanFirst = tokenSpan[from] ?? 0;
    const spanLast = tokenSpan[to] ?? spanFirst;
    const segFirst = layout.segments[layout.spans[spanFirst]?.index ?? 0];
    const segLast = layout.segments[layout.spans[spanLast]?.index ?? 0];
    sentences.push({
      index: sentences.length,
      turn: tokenTurn[from] ?? 0,
      tokenFrom: from,
      tokenTo: to,
      charStart: first.offset,
      charEnd: last.offset + last.value.length,
      spanFirst,
      spanLast,
      start: segFirst?.start ?? 0,
      end: segLast?.end ?? segFirst?.end ?? 0,
      words,
      terms: slice.filter(isContentToken).map(termOf),
      question: slice.some((t) => t.value === '?'),
    });
  }
  return sentences;
}

/** wink ends a sentence inside "stripe.com" or "Kubernetes.io"; glue pieces with no space between. */
function mergeGlued(tokens: Token[], pieces: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const piece of pieces) {
    const prev = out[out.length - 1];
    const next = tokens[piece[0]];
    if (prev && next && next.space === '' && /^\p{Ll}/u.test(next.value) && tokens[prev[1]]?.value === '.') {
      prev[1] = piece[1];
    } else out.push([piece[0], piece[1]]);
  }
  return out;
}
