import type { Transcript } from '../../model/transcript.js';
import { analyse, type Token } from '../../text/index.js';
import { layoutTranscript, type Layout } from './layout.js';
import { buildSentences, type Sentence } from './sentences.js';

export type { Sentence } from './sentences.js';

/** A transcript analysed once: text layout, tokens, sentences with times and terms. */
export interface EpisodeDoc {
  layout: Layout;
  tokens: Token[];
  sentences: Sentence[];
  start: number;
  end: number;
}

export function readEpisode(transcript: Transcript): EpisodeDoc {
  const layout = layoutTranscript(transcript);
  const { tokens, sentences: raw } = analyse(layout.text);
  const sentences = buildSentences(layout, tokens, raw);
  const times = transcript.segments.flatMap((s) => [s.start, s.end]).filter((n) => Number.isFinite(n));
  return {
    layout,
    tokens,
    sentences,
    start: times.reduce((a, b) => Math.min(a, b), times[0] ?? 0),
    end: times.reduce((a, b) => Math.max(a, b), times[0] ?? 0),
  };
}
