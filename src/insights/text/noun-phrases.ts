import type { PartOfSpeech } from 'wink-nlp';
import type { Token } from '../../text/index.js';

const MODIFIER = new Set<PartOfSpeech>(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const HEAD = new Set<PartOfSpeech>(['NOUN', 'PROPN']);
/** "level of observability", "clusters by environment type": one noun phrase. */
const LINKS = new Set(['of', 'for', 'by', 'across', 'per']);
const MAX_WORDS = 6;

/**
 * Noun phrases of a sentence: runs of adjectives, nouns and numbers ending on a noun, joined by
 * a preposition ("of", "for", "by"…) when the whole stays short. Hyphen-glued words ride along ("low-level system").
 */
export function nounPhrases(tokens: Token[]): Token[][] {
  const runs: Array<[number, number]> = [];
  let from = -1;
  tokens.forEach((t, i) => {
    const glued = t.value === '-' && t.space === '' && tokens[i + 1]?.space === '';
    if (MODIFIER.has(t.pos) || (glued && from >= 0)) {
      if (from < 0) from = i;
      return;
    }
    if (from >= 0) runs.push([from, i - 1]);
    from = -1;
  });
  if (from >= 0) runs.push([from, tokens.length - 1]);
  const phrases: Array<[number, number]> = [];
  for (const [a, b] of runs) {
    let end = b;
    while (end >= a && !HEAD.has((tokens[end] as Token).pos)) end -= 1;
    if (end >= a) phrases.push([a, end]);
  }
  const joined: Array<[number, number]> = [];
  for (const [a, b] of phrases) {
    const last = joined[joined.length - 1];
    const link = last ? tokens[last[1] + 1] : undefined;
    if (last && link && LINKS.has(link.normal) && last[1] + 2 === a && b - last[0] + 1 <= MAX_WORDS) last[1] = b;
    else joined.push([a, b]);
  }
  return joined.filter(([a, b]) => b - a + 1 <= MAX_WORDS).map(([a, b]) => tokens.slice(a, b + 1));
}
