import type { Transcript } from '../../model/transcript.js';
import { readTranscriptFile } from '../../transcripts/index.js';
import { readEpisode } from '../document/index.js';
import { embeddedExtractor } from '../extract.js';
import { isQuoteGrounded } from '../grounding.js';
import type { InsightExtractor } from '../types.js';
import { leadPassages, textRankSentences } from './baselines.js';
import { discoverEpisodes, type EpisodeFolder } from './discover.js';
import { COMMON_WORD_EVERY } from '../../text/index.js';
import { bagOf, MATCH_THRESHOLD, matchShares, MIN_SHARED_TERMS, rouge1Recall, type TermBag } from './overlap.js';
import { readReferences } from './references.js';
import { repeatsByEpisode } from './show-repeats.js';
import { showRepeats, type ShowRepeats } from '../score/recurring.js';
import { summarize, type Summary, type SystemScores } from './summary.js';

interface QuoteCheck {
  /** The engine's quotes (the baselines quote the transcript by construction). */
  total: number;
  /** Of those, found verbatim (after normalization) in the transcript. */
  grounded: number;
}

export interface EpisodeReport {
  episode: string;
  references: number;
  systems: Record<string, SystemScores>;
  quotes: QuoteCheck;
}

export interface EvalReport extends Summary {
  top: number;
  match: { threshold: number; minSharedTerms: number; commonWordEvery: number };
  /** System names in report order: the engine first, then the baselines. */
  systems: string[];
  episodes: EpisodeReport[];
  skipped: Array<{ episode: string; reason: string }>;
  quotes: QuoteCheck;
}

export interface EvaluateOptions {
  /** Reads an episode's transcript file (default: the transcripts stage's file reader). */
  load?: (path: string) => Promise<Transcript>;
  extractor?: InsightExtractor;
  top?: number;
  /** Called after each episode, for progress output. */
  onEpisode?: (report: EpisodeReport, done: number, total: number) => void;
}

function score(texts: string[], refs: TermBag[]): SystemScores {
  const bags = texts.map(bagOf);
  const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
  return {
    rouge1Recall: rouge1Recall(bags, refs),
    ...matchShares(bags, refs),
    items: texts.length,
    avgWords: texts.length ? words / texts.length : 0,
  };
}

/**
 * Scores one episode for the engine and both baselines, all on the same transcript. `repeats`:
 * what the show says in its other episodes (evaluateDir finds it from the set).
 */
export async function evaluateEpisode(
  folder: EpisodeFolder,
  opts: EvaluateOptions = {},
  loaded?: { transcript: Transcript; repeats: ShowRepeats },
): Promise<EpisodeReport> {
  const top = opts.top ?? 5;
  const extractor = opts.extractor ?? embeddedExtractor;
  const transcript = loaded?.transcript ?? (await (opts.load ?? readTranscriptFile)(folder.transcript));
  const references = await readReferences(folder.reference);
  const refs = references.map(bagOf);
  const insights = await extractor.extract(transcript, { top, ...(loaded ? { repeats: loaded.repeats } : {}) });
  const doc = readEpisode(transcript);
  return {
    episode: folder.episode,
    references: references.length,
    quotes: { total: insights.length, grounded: insights.filter((i) => isQuoteGrounded(i.quote, transcript)).length },
    systems: {
      [extractor.name]: score(
        insights.map((i) => i.text),
        refs,
      ),
      [`lead-${top}`]: score(leadPassages(doc, top), refs),
      [`textrank-${top}`]: score(textRankSentences(doc, top), refs),
    },
  };
}

/** Evaluates every episode folder of `dir` (see discoverEpisodes) and averages per system. */
export async function evaluateDir(dir: string, opts: EvaluateOptions = {}): Promise<EvalReport> {
  const top = opts.top ?? 5;
  const { folders, skipped } = await discoverEpisodes(dir);
  const episodes: EpisodeReport[] = [];
  const scored: Array<{ folder: EpisodeFolder; episode: string; transcript: Transcript }> = [];
  for (const folder of folders) {
    const references = await readReferences(folder.reference);
    if (references.length === 0) {
      skipped.push({ episode: folder.episode, reason: 'reference.md has no "- " bullets' });
      continue;
    }
    const transcript = await (opts.load ?? readTranscriptFile)(folder.transcript);
    scored.push({ folder, episode: folder.episode, transcript });
  }
  const repeats = repeatsByEpisode(scored);
  for (const [i, { folder, transcript }] of scored.entries()) {
    const report = await evaluateEpisode(folder, opts, { transcript, repeats: repeats[i] ?? showRepeats([]) });
    episodes.push(report);
    opts.onEpisode?.(report, episodes.length, scored.length);
  }
  const systems = Object.keys(episodes[0]?.systems ?? {});
  return {
    top,
    match: { threshold: MATCH_THRESHOLD, minSharedTerms: MIN_SHARED_TERMS, commonWordEvery: COMMON_WORD_EVERY },
    systems,
    episodes,
    skipped,
    quotes: { total: sum(episodes, (e) => e.quotes.total), grounded: sum(episodes, (e) => e.quotes.grounded) },
    ...summarize(episodes, systems),
  };
}

const sum = <T>(xs: T[], f: (x: T) => number): number => xs.reduce((a, x) => a + f(x), 0);
