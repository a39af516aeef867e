import type { EpisodeDoc, Sentence } from '../document/index.js';
import { textRank } from './textrank.js';

/** Lead-k: the first k passages (up to three sentences of one turn, at least ten words). */
export function leadPassages(doc: EpisodeDoc, k = 5): string[] {
  const out: string[] = [];
  let group: Sentence[] = [];
  const flush = (): void => {
    const words = group.reduce((n, s) => n + s.words, 0);
    if (words >= 10 && group[0]) {
      const last = group[group.length - 1] as Sentence;
      out.push(doc.layout.text.slice(group[0].charStart, last.charEnd));
    }
    group = [];
  };
  for (const s of doc.sentences) {
    if (out.length >= k) break;
    if (group.length > 0 && (group[0]?.turn !== s.turn || group.length >= 3)) flush();
    group.push(s);
  }
  if (out.length < k) flush();
  return out.slice(0, k);
}

/** Classic TextRank-k: the k sentences with the highest TextRank, no other filtering. */
export function textRankSentences(doc: EpisodeDoc, k = 5): string[] {
  const rank = textRank(doc.sentences);
  return doc.sentences
    .map((s, i) => ({ s, r: rank[i] ?? 0 }))
    .sort((a, b) => b.r - a.r || a.s.index - b.s.index)
    .slice(0, k)
    .map(({ s }) => doc.layout.text.slice(s.charStart, s.charEnd));
}
