import type { Insight } from '../model/insight.js';
import type { Transcript } from '../model/transcript.js';
import { termWeighter } from './background/stats.js';
import { readEpisode, type EpisodeDoc } from './document/index.js';
import type { Token } from './nlp/tokens.js';
import { findHousekeeping } from './score/housekeeping.js';
import { candidatePassages } from './score/passages.js';
import { DEFAULT_WEIGHTS, scorePassages, type ScoredPassage, type ScoreWeights } from './score/rank.js';
import { selectDiverse } from './score/select.js';
import { keepMask, renderKept } from './text/clean.js';
import { makeHeadline } from './text/headline.js';
import type { ExtractOptions, InsightExtractor } from './types.js';

export const DEFAULT_TOP = 5;

/** The embedded engine: offline, deterministic, extractive. */
export function extractInsights(transcript: Transcript, opts: ExtractOptions = {}): Insight[] {
  return extractWithWeights(transcript, opts, DEFAULT_WEIGHTS);
}

/** The engine with explicit scoring weights: for tuning and ablations, not for callers. */
export function extractWithWeights(transcript: Transcript, opts: ExtractOptions, weights: ScoreWeights): Insight[] {
  const top = opts.top ?? DEFAULT_TOP;
  if (top <= 0 || transcript.segments.length === 0) return [];
  const doc = readEpisode(transcript);
  const house = findHousekeeping(doc);
  const weight = termWeighter(opts.background);
  const scored = scorePassages(doc, candidatePassages(doc, house), house, weight, weights);
  const chosen = selectDiverse(scored, { top, duration: doc.end - doc.start });
  return chosen.map((p) => toInsight(doc, p, weight)).filter((i) => i.text.length > 0);
}

function toInsight(doc: EpisodeDoc, p: ScoredPassage, weight: (t: string) => number): Insight {
  const firstSentence = doc.sentences[p.first];
  const lastSentence = doc.sentences[p.last];
  const from = firstSentence?.tokenFrom ?? 0;
  const to = lastSentence?.tokenTo ?? from;
  const tokens = doc.tokens.slice(from, to + 1);
  const keep = keepMask(tokens);
  const perSentence: Token[][] = [];
  const keeps: boolean[][] = [];
  for (let k = p.first; k <= p.last; k += 1) {
    const s = doc.sentences[k];
    if (!s) continue;
    perSentence.push(doc.tokens.slice(s.tokenFrom, s.tokenTo + 1));
    keeps.push(keep.slice(s.tokenFrom - from, s.tokenTo - from + 1));
  }
  const speaker = doc.layout.turns[firstSentence?.turn ?? 0]?.speaker;
  return {
    text: renderKept(tokens, keep),
    headline: makeHeadline(perSentence, keeps, weight),
    quote: doc.layout.text.slice(firstSentence?.charStart ?? 0, lastSentence?.charEnd ?? 0),
    start: p.start,
    end: p.end,
    ...(speaker ? { speaker } : {}),
    score: Math.round(p.score * 10_000) / 10_000,
  };
}

export const embeddedExtractor: InsightExtractor = {
  name: 'embedded',
  extract: async (transcript, opts) => extractInsights(transcript, opts),
};
