import type { PartOfSpeech } from 'wink-nlp';
import type { Token } from '../nlp/tokens.js';
import { isContentToken, termOf } from '../nlp/terms.js';
import { renderKept } from './clean.js';

export const HEADLINE_MAX_WORDS = 10;
const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–', '--', '-', '(', ')']);
const CLAUSE_WORDS = new Set(['because', 'but', 'whereas', 'although', 'though', 'which']);
const WEAK_END = new Set<PartOfSpeech>(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART', 'PUNCT', 'SYM', 'INTJ']);
/** Hedges and openers that add nothing to a headline ("I think that ..."). */
const HEDGE = /^(?:(?:i|we) (?:think|believe|feel|guess|would say|'d say|mean|know)(?: like| that)?|you know|so|and|but|well|basically|honestly|actually|obviously|of course|the thing is|what i'd say is)\s+/i;

interface Clause {
  tokens: Token[];
  weight: number;
}

/**
 * A short extractive headline: the main clause of the passage's strongest sentence, hedges
 * removed, cut to at most ten words at a noun, verb or adjective.
 */
export function makeHeadline(sentences: Token[][], keeps: boolean[][], weight: (term: string) => number): string {
  const clauses: Clause[] = [];
  sentences.forEach((tokens, s) => {
    const kept = tokens.filter((_, i) => keeps[s]?.[i]);
    let current: Token[] = [];
    const flush = (): void => {
      const words = current.filter((t) => !t.isPunct);
      if (words.length >= 3) {
        let w = 0;
        for (const t of current) if (isContentToken(t)) w += weight(termOf(t));
        if (!current.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) w *= 0.5;
        if (/^(it|that|this|they|he|she|there)$/.test(words[0]?.normal ?? '')) w *= 0.6;
        clauses.push({ tokens: current, weight: w });
      }
      current = [];
    };
    for (const t of kept) {
      if (CLAUSE_BREAKS.has(t.value) || /^[.!?]+$/.test(t.value)) flush();
      else if (CLAUSE_WORDS.has(t.normal) && current.length >= 3) {
        flush();
        current.push(t);
      } else current.push(t);
    }
    flush();
  });
  if (clauses.length === 0) {
    const all = sentences.flat().filter((_, i) => keeps.flat()[i]);
    return finish(all.filter((t) => !t.isPunct));
  }
  const best = clauses.reduce((a, b) => (b.weight > a.weight ? b : a));
  return finish(best.tokens);
}

function finish(tokens: Token[]): string {
  let text = renderKept(tokens, tokens.map(() => true)).replace(/[.!?…]+$/, '');
  let previous = '';
  while (previous !== text) {
    previous = text;
    text = text.replace(HEDGE, '');
  }
  const words = text.split(' ');
  if (words.length > HEADLINE_MAX_WORDS) {
    const byWord = new Map<string, Token>();
    for (const t of tokens) byWord.set(t.value, t);
    let cut = HEADLINE_MAX_WORDS;
    while (cut > 3) {
      const lastWord = (words[cut - 1] ?? '').replace(/[^\p{L}\p{N}'’-]+$/u, '');
      const pos = byWord.get(lastWord)?.pos;
      if (pos && !WEAK_END.has(pos)) break;
      cut -= 1;
    }
    text = words.slice(0, cut).join(' ');
  }
  text = text.replace(/[,;:\-—–\s]+$/, '');
  return text.replace(/^(\p{Ll})/u, (c) => c.toUpperCase());
}
