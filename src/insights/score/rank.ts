import type { EpisodeDoc } from '../document/index.js';
import type { Housekeeping } from './housekeeping.js';
import type { Passage } from './passages.js';
import { findHost } from './roles.js';
import { claimStrength, endsOnSetup, startsDangling, styleSignals } from './signals.js';
import { cosine, norm, weighted, type SparseVector } from './vectors.js';

export interface ScoredPassage extends Passage {
  score: number;
  vector: SparseVector;
  /** Unit-length vector for diversity checks. */
  unit: SparseVector;
}

export interface ScoreWeights {
  /** Additive: similarity to the episode's main themes, claim cues, advice framing, fluency. */
  central: number;
  claim: number;
  advice: number;
  narrative: number;
  fluency: number;
  /** Multiplicative penalties. */
  host: number;
  dangling: number;
  question: number;
  preamble: number;
  idealMinWords: number;
  idealMaxWords: number;
  themeTerms: number;
}

/**
 * Tuned on eval-public (see bench/eval-insights.ts): theme similarity carries most of the
 * match rate; the style terms barely move it and are there for readability.
 */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  central: 1,
  claim: 0.15,
  advice: 0.1,
  narrative: 0.1,
  fluency: 0.1,
  host: 0.7,
  dangling: 0.7,
  question: 0.5,
  preamble: 0.6,
  idealMinWords: 20,
  idealMaxWords: 65,
  themeTerms: 15,
};

/** Main themes: the episode's most frequent terms, weighted by how unusual they are in English. */
export function episodeThemes(doc: EpisodeDoc, weight: (t: string) => number, size: number): SparseVector {
  const tf = new Map<string, number>();
  for (const s of doc.sentences) for (const t of s.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const keyness = [...tf].map(([t, c]) => [t, Math.log(1 + c) * weight(t)] as const);
  keyness.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(keyness.slice(0, size));
}

/** Lower-cased first names of labelled speakers (labels of 2–3 letters are initials, skipped). */
function firstNames(doc: EpisodeDoc): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of doc.layout.turns) {
    const first = t.speaker?.split(/\s+/)[0]?.toLowerCase();
    if (t.speaker && first && first.length > 3 && /^\p{L}+$/u.test(first)) names.set(first, t.speaker);
  }
  return names;
}

export function scorePassages(
  doc: EpisodeDoc,
  passages: Passage[],
  house: Housekeeping,
  weight: (t: string) => number,
  w: ScoreWeights = DEFAULT_WEIGHTS,
): ScoredPassage[] {
  const themes = episodeThemes(doc, weight, w.themeTerms);
  const host = findHost(doc);
  const names = firstNames(doc);
  return passages.map((p) => {
    const vector = weighted(p.terms, weight);
    const n = norm(vector) || 1;
    const unit: SparseVector = new Map([...vector].map(([t, x]) => [t, x / n]));
    const first = doc.sentences[p.first];
    const last = doc.sentences[p.last];
    const lower = doc.layout.text.slice(first?.charStart ?? 0, last?.charEnd ?? 0).toLowerCase();
    const words: string[] = [];
    for (let k = first?.tokenFrom ?? 0; k <= (last?.tokenTo ?? -1); k += 1) {
      const t = doc.tokens[k];
      if (t?.isWord) words.push(t.normal);
    }
    const style = styleSignals(words);

    let score =
      w.central * cosine(vector, themes) +
      w.claim * claimStrength(lower) +
      w.advice * style.advice -
      w.narrative * style.narrative +
      w.fluency * style.fluency;

    const speaker = doc.layout.turns[first?.turn ?? 0]?.speaker;
    if (startsDangling(lower)) score *= w.dangling;
    if (endsOnSetup(lower)) score *= w.dangling;
    // Talking to the other person by name is conversation, not a takeaway.
    if (words.some((x) => names.has(x) && names.get(x) !== speaker)) score *= w.dangling;
    for (let k = p.first; k <= p.last; k += 1) if (doc.sentences[k]?.question) score *= w.question;
    if (p.words < w.idealMinWords) score *= p.words / w.idealMinWords;
    if (p.words > w.idealMaxWords) score *= w.idealMaxWords / p.words;
    if (house.preamble[p.first]) score *= w.preamble;
    if (host !== undefined && speaker === host) score *= w.host;
    return { ...p, score, vector, unit };
  });
}
