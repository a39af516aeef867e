import type { Insight } from '../../model/insight.js';
import type { Transcript } from '../../model/transcript.js';
import type { Store } from '../../store/types.js';
import type { ExtractOptions, InsightExtractor } from '../types.js';

export interface EngineOptions extends ExtractOptions {
  /** Recorded with each paid call, so cost is known per episode. */
  episodeId?: number;
  /** False: when the LLM cannot answer, return no insights instead of the embedded engine's (a back-fill keeps what it has). */
  fallback?: boolean;
}

/** Model insights thrown away, by reason; each is also logged. */
export interface DropCounts {
  /** The quote is not in the transcript (beyond the fuzzy bound). */
  ungrounded: number;
  /** Links, markup or injected instructions where a plain insight should be. */
  unsafe: number;
  /** Missing or malformed fields. */
  invalid: number;
  /** Near-duplicates of a better-ranked insight (chunk overlap, repeats). */
  duplicate: number;
}

export interface ExtractionReport {
  insights: Insight[];
  /** Which engine produced `insights`: 'embedded' also when the LLM engine fell back. */
  engine: 'embedded' | 'llm';
  /** Why the LLM engine fell back to the embedded one. */
  fallbackReason?: string;
  /** The fallback will happen again for this transcript (the model found nothing grounded in it). */
  lastingFallback?: boolean;
  /** Answered from the cache: nothing was paid. */
  cached?: boolean;
  dropped?: DropCounts;
  /** HTTP calls that got an answer (paid or not). */
  calls?: number;
}

/** An extractor that also says which engine answered and why: what the pipeline stores. */
export interface InsightEngine extends InsightExtractor {
  extractWithReport(transcript: Transcript, opts?: EngineOptions): Promise<ExtractionReport>;
}

export type LlmStore = Pick<Store, 'recordLlmCall' | 'llmSpendSince' | 'cachedLlmInsights' | 'cacheLlmInsights'>;

type Sleep = (ms: number) => Promise<void>;

/** Clock, sleep and randomness, replaceable in tests. */
export interface Runtime {
  now: () => Date;
  sleep: Sleep;
  random: () => number;
}

export const realRuntime: Runtime = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};
