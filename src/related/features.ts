import { analyse, isContentToken, termOf, type Token } from '../text/index.js';

/** Kinds of feature and how much each counts relative to a plain content word. */
export const FEATURE_WEIGHTS = {
  /** A stemmed content word. */
  term: 1,
  /** A proper noun (a person, company, product). Weighting names up lowered F1 in eval:related. */
  entity: 1,
  /** Two adjacent content words ("servic mesh"). */
  pair: 0.5,
  /** A noun phrase of 3+ words (adjectives and nouns ending in a noun). */
  phrase: 0.25,
} as const;

export type FeatureKind = keyof typeof FEATURE_WEIGHTS;

/** Feature keys: a bare stem for terms and entities, stems joined by spaces for pairs and phrases. */
export interface FeatureBag {
  counts: Map<string, number>;
  /** Keys that came from proper nouns. */
  entities: Set<string>;
}

const PHRASE_POS = new Set(['ADJ', 'NOUN', 'PROPN']);
const HEAD_POS = new Set(['NOUN', 'PROPN']);

/** Stemmed content words, proper-noun entities, adjacent pairs and noun phrases of a text. */
export function featureBag(text: string): FeatureBag {
  return featureBagOfTokens(analyse(text).tokens);
}

export function featureBagOfTokens(tokens: Token[]): FeatureBag {
  const counts = new Map<string, number>();
  const entities = new Set<string>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  let previous: string | undefined;
  let phrase: { stem: string; pos: string }[] = [];
  const closePhrase = () => {
    while (phrase.length > 0 && !HEAD_POS.has(phrase[phrase.length - 1]!.pos)) phrase.pop();
    if (phrase.length >= 3) add(phrase.map((p) => p.stem).join(' '));
    phrase = [];
  };
  for (const t of tokens) {
    if (!isContentToken(t)) {
      previous = undefined;
      closePhrase();
      continue;
    }
    const stem = termOf(t);
    add(stem);
    if (t.pos === 'PROPN') entities.add(stem);
    if (previous !== undefined && previous !== stem) add(`${previous} ${stem}`);
    previous = stem;
    if (PHRASE_POS.has(t.pos)) phrase.push({ stem, pos: t.pos });
    else closePhrase();
  }
  closePhrase();
  return { counts, entities };
}

export function kindOf(key: string, bag: FeatureBag): FeatureKind {
  const spaces = key.split(' ').length - 1;
  if (spaces === 0) return bag.entities.has(key) ? 'entity' : 'term';
  return spaces === 1 ? 'pair' : 'phrase';
}
