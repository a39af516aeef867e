import type { PartOfSpeech } from 'wink-nlp';
import type { Token } from '../nlp/tokens.js';
import { isContentToken, termOf } from '../nlp/terms.js';
import { renderKept } from './clean.js';

export const HEADLINE_MAX_WORDS = 10;
const PIECE_BREAKS = new Set([',', ';', ':', '—', '–', '--', '-', '(', ')']);
const WEAK_END = new Set<PartOfSpeech>(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART', 'PUNCT', 'SYM', 'INTJ']);
/** Words a headline can lose without changing what it says. */
const SOFTENERS = new Set(['basically', 'really', 'actually', 'literally', 'honestly', 'obviously', 'definitely', 'totally']);
/** Openers that add nothing to a headline ("I think that ..."). */
const HEDGE =
  /^(?:(?:i|we) (?:think|believe|feel|guess|would say|'d say|mean|know)(?: like| that)?|you know|so|and|but|well|of course|the thing is|what i'd say is)\s+/i;

interface Piece {
  tokens: Token[];
  hasVerb: boolean;
}

function weightOf(tokens: Token[], weight: (term: string) => number): number {
  let w = 0;
  for (const t of tokens) if (isContentToken(t)) w += weight(termOf(t));
  return w;
}

function pieces(tokens: Token[]): Piece[] {
  const out: Piece[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    if (current.some((t) => !t.isPunct)) {
      out.push({ tokens: current, hasVerb: current.some((t) => t.pos === 'VERB' || t.pos === 'AUX') });
    }
    current = [];
  };
  tokens.forEach((t, i) => {
    // A stop glued to the next word is part of a name ("apps.com"), not a sentence end.
    const glued = t.value === '.' && tokens[i + 1]?.space === '';
    if (PIECE_BREAKS.has(t.value) || (/^[.!?…]+$/.test(t.value) && !glued)) flush();
    else current.push(t);
  });
  flush();
  return out;
}

/** Clauses: each piece with a verb, led by the noun phrase just before it (appositives dropped). */
function clauses(sentence: Token[]): Token[][] {
  const ps = pieces(sentence);
  const out: Token[][] = [];
  let subject: Token[] | undefined;
  for (const p of ps) {
    if (!p.hasVerb) {
      subject ??= p.tokens;
      continue;
    }
    out.push(subject ? [...subject, ...p.tokens] : p.tokens);
    subject = undefined;
  }
  if (out.length === 0) out.push(sentence.filter((t) => !t.isPunct));
  return out;
}

/**
 * A short extractive headline: the main clause of the passage's strongest sentence, hedges
 * removed, cut to at most ten words at a noun, verb or adjective.
 */
export function makeHeadline(sentences: Token[][], keeps: boolean[][], weight: (term: string) => number): string {
  let best: Token[] = [];
  let bestWeight = -1;
  sentences.forEach((tokens, s) => {
    const kept = tokens.filter((t, i) => keeps[s]?.[i] && !SOFTENERS.has(t.normal));
    const isQuestion = kept.some((t) => t.value === '?');
    for (const clause of clauses(kept)) {
      if (clause.filter((t) => !t.isPunct).length < 3) continue;
      let w = weightOf(clause, weight);
      if (!clause.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) w *= 0.5;
      if (clause[0]?.pos === 'SCONJ' || /^(it|that|this|they|he|she|there)$/.test(clause[0]?.normal ?? '')) w *= 0.6;
      if (isQuestion) w *= 0.5;
      if (w > bestWeight) {
        bestWeight = w;
        best = clause;
      }
    }
  });
  if (best.length === 0) best = sentences.flat().filter((t, i) => keeps.flat()[i] && !t.isPunct);
  return finish(best);
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
    const posOf = new Map<string, PartOfSpeech>();
    for (const t of tokens) posOf.set(t.value, t.pos);
    const posAt = (i: number): PartOfSpeech | undefined => posOf.get((words[i] ?? '').replace(/[^\p{L}\p{N}'’-]+$/u, ''));
    // Prefer ending on a noun ("...fetch the relevant data"), else on any content word.
    let cut = 0;
    for (let i = HEADLINE_MAX_WORDS - 1; i >= 3 && cut === 0; i -= 1) {
      const pos = posAt(i);
      if (pos === 'NOUN' || pos === 'PROPN' || pos === 'NUM') cut = i + 1;
    }
    for (let i = HEADLINE_MAX_WORDS - 1; i >= 3 && cut === 0; i -= 1) {
      const pos = posAt(i);
      if (pos && !WEAK_END.has(pos)) cut = i + 1;
    }
    text = words.slice(0, cut || HEADLINE_MAX_WORDS).join(' ');
  }
  text = text.replace(/[,;:\-—–\s]+$/, '');
  return text.replace(/^(\p{Ll})/u, (c) => c.toUpperCase());
}
