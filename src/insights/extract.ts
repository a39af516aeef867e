import type { Insight } from '../model/insight.js';
import type { Transcript } from '../model/transcript.js';
import { prepareEpisode, type PreparedEpisode } from './prepare.js';
import { DEFAULT_WEIGHTS, scorePassages, type ScoreWeights } from './score/rank.js';
import { selectDiverse } from './score/select.js';
import { toInsight } from './to-insight.js';
import type { ExtractOptions, InsightExtractor } from './types.js';

export const DEFAULT_TOP = 5;

/** The embedded engine: offline, deterministic, extractive. */
export function extractInsights(transcript: Transcript, opts: ExtractOptions = {}): Insight[] {
  if ((opts.top ?? DEFAULT_TOP) <= 0 || transcript.segments.length === 0) return [];
  return extractPrepared(prepareEpisode(transcript, opts), opts.top ?? DEFAULT_TOP, DEFAULT_WEIGHTS);
}

/** Scoring and selection on an analysed episode: tuning re-weighs without re-analysing. */
export function extractPrepared(prep: PreparedEpisode, top: number, weights: ScoreWeights): Insight[] {
  if (top <= 0) return [];
  const scored = scorePassages(prep.passages, prep.features, weights);
  const chosen = selectDiverse(scored, { top, duration: prep.doc.end - prep.doc.start });
  const out: Insight[] = [];
  for (const p of chosen) {
    const insight = toInsight(prep, p);
    if (insight && insight.text.length > 0) out.push(insight);
  }
  return out;
}

export const embeddedExtractor: InsightExtractor = {
  name: 'embedded',
  extract: async (transcript, opts) => extractInsights(transcript, opts),
};
