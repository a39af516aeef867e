import type { Insight } from '../model/insight.js';
import type { Transcript } from '../model/transcript.js';
import type { BackgroundStats } from '../text/index.js';
import type { ShowRepeats } from './score/recurring.js';

export interface ExtractOptions {
  /** How many insights to return (default 5). */
  top?: number;
  /** Term statistics of other episodes, so a show's recurring vocabulary counts for less. */
  background?: BackgroundStats;
  /** Word runs the show repeats across its other episodes (ad reads, intros, outros): never a top insight. */
  repeats?: ShowRepeats;
  /** Titles an insight whose passage holds no complete claim of its own ("From “<title>”"). */
  episodeTitle?: string;
}

/** An insight engine: the embedded one now, an LLM-backed one later. */
export interface InsightExtractor {
  name: string;
  extract(transcript: Transcript, opts?: ExtractOptions): Promise<Insight[]>;
}
