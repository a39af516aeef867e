import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../model/errors.js';
import type { Transcript } from '../../model/transcript.js';
import { readTranscriptFile } from '../../transcripts/index.js';
import { readEpisode } from '../document/index.js';
import { embeddedExtractor } from '../extract.js';
import type { InsightExtractor } from '../types.js';
import { leadPassages, textRankSentences } from './baselines.js';
import { bagOf, MATCH_THRESHOLD, matchShares, rouge1Recall, type TermBag } from './overlap.js';
import { readReferences } from './references.js';

export interface SystemScores {
  rouge1Recall: number;
  /** Share of the system's items that match some reference point. */
  insightsMatched: number;
  /** Share of reference points that some item matches. */
  referencesMatched: number;
  items: number;
  avgWords: number;
}

export interface EpisodeReport {
  episode: string;
  references: number;
  systems: Record<string, SystemScores>;
}

export interface EvalReport {
  top: number;
  matchThreshold: number;
  /** System names in report order: the engine first, then the baselines. */
  systems: string[];
  episodes: EpisodeReport[];
  average: Record<string, SystemScores>;
}

export interface EvaluateOptions {
  /** Reads an episode's transcript.md (default: the transcripts stage's file reader). */
  load?: (path: string) => Promise<Transcript>;
  extractor?: InsightExtractor;
  top?: number;
}

function score(texts: string[], refs: TermBag[]): SystemScores {
  const bags = texts.map(bagOf);
  const shares = matchShares(bags, refs);
  const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
  return {
    rouge1Recall: rouge1Recall(bags, refs),
    ...shares,
    items: texts.length,
    avgWords: texts.length ? words / texts.length : 0,
  };
}

/** Scores one episode folder (transcript.md + reference.md) for the engine and both baselines. */
export async function evaluateEpisode(dir: string, opts: EvaluateOptions = {}): Promise<EpisodeReport> {
  const top = opts.top ?? 5;
  const extractor = opts.extractor ?? embeddedExtractor;
  const transcript = await (opts.load ?? readTranscriptFile)(join(dir, 'transcript.md'));
  const references = await readReferences(join(dir, 'reference.md'));
  const refs = references.map(bagOf);
  const insights = await extractor.extract(transcript, { top });
  const doc = readEpisode(transcript);
  return {
    episode: dir.split(/[\\/]/).filter(Boolean).pop() ?? dir,
    references: references.length,
    systems: {
      [extractor.name]: score(insights.map((i) => i.text), refs),
      [`lead-${top}`]: score(leadPassages(doc, top), refs),
      [`textrank-${top}`]: score(textRankSentences(doc, top), refs),
    },
  };
}

function average(episodes: EpisodeReport[], system: string): SystemScores {
  const rows = episodes.map((e) => e.systems[system]).filter((s): s is SystemScores => s !== undefined);
  const mean = (f: (s: SystemScores) => number): number => (rows.length ? rows.reduce((a, s) => a + f(s), 0) / rows.length : 0);
  return {
    rouge1Recall: mean((s) => s.rouge1Recall),
    insightsMatched: mean((s) => s.insightsMatched),
    referencesMatched: mean((s) => s.referencesMatched),
    items: mean((s) => s.items),
    avgWords: mean((s) => s.avgWords),
  };
}

/** Every sub-folder of `dir` holding transcript.md and reference.md, in name order. */
export async function evaluateDir(dir: string, opts: EvaluateOptions = {}): Promise<EvalReport> {
  const top = opts.top ?? 5;
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .filter((name) => existsSync(join(dir, name, 'transcript.md')) && existsSync(join(dir, name, 'reference.md')));
  if (names.length === 0) throw new AppError('eval_empty', `no episode folders with transcript.md and reference.md in ${dir}`);
  const episodes: EpisodeReport[] = [];
  for (const name of names) episodes.push(await evaluateEpisode(join(dir, name), opts));
  const systems = Object.keys(episodes[0]?.systems ?? {});
  return {
    top,
    matchThreshold: MATCH_THRESHOLD,
    systems,
    episodes,
    average: Object.fromEntries(systems.map((s) => [s, average(episodes, s)])),
  };
}
