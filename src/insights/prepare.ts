import type { Transcript } from '../model/transcript.js';
import { termWeighter } from '../text/index.js';
import { readEpisode, type EpisodeDoc } from './document/index.js';
import { topicBlocks } from './score/blocks.js';
import { describesEpisode } from './score/episode-description.js';
import { conceptWeigher, episodeCentroid, sentenceConcepts, spanVector } from './score/concepts.js';
import { passageFeatures, type EpisodeContext, type PassageFeatures } from './score/features.js';
import { findHousekeeping, type Housekeeping } from './score/housekeeping.js';
import { candidatePassages, type Passage } from './score/passages.js';
import { recurringSentences } from './score/recurring.js';
import { findHost } from './score/roles.js';
import type { ExtractOptions } from './types.js';

/** Everything about an episode that does not depend on scoring weights. */
export interface PreparedEpisode extends EpisodeContext {
  /** Word weights (rarity in English, damped by the caller's background), for headlines. */
  weight: (term: string) => number;
  passages: Passage[];
  features: PassageFeatures[];
  episodeTitle?: string;
  /** The transcript is the episode's show notes: a passage without a claim of its own is no insight. */
  showNotes: boolean;
}

export function prepareEpisode(
  transcript: Transcript,
  opts: Pick<ExtractOptions, 'background' | 'repeats' | 'episodeTitle'> = {},
): PreparedEpisode {
  const doc = readEpisode(transcript);
  const house = findHousekeeping(doc, recurringSentences(doc, opts.repeats));
  const weight = termWeighter(opts.background);
  const weigh = conceptWeigher(weight);
  const concepts = sentenceConcepts(doc);
  const host = findHost(doc);
  const sentenceVectors = concepts.map((_, k) => spanVector(concepts, k, k, weigh));
  const ctx: EpisodeContext = {
    doc,
    house,
    concepts,
    weigh,
    sentenceVectors,
    // What the show says every episode is not what this episode is about.
    centroid: episodeCentroid(
      concepts,
      house.excluded.map((x, i) => x || house.recurring[i] === true),
      weigh,
    ),
    blocks: topicBlocks(doc.sentences, sentenceVectors),
    ...(host !== undefined ? { host } : {}),
  };
  const showNotes = transcript.source === 'shownotes';
  const passages = candidatePassages(doc, showNotes ? withoutDescriptions(doc, house) : house);
  return {
    ...ctx,
    weight,
    passages,
    features: passageFeatures(ctx, passages),
    showNotes,
    ...(opts.episodeTitle ? { episodeTitle: opts.episodeTitle } : {}),
  };
}

/**
 * Show notes' sentences that only describe the episode ("Galen speaks with …", "X joins Y to
 * discuss …") are no insight: passages skip them, so notes with nothing else yield none. They still
 * count toward what the episode is about (the centroid).
 */
function withoutDescriptions(doc: EpisodeDoc, house: Housekeeping): Housekeeping {
  const excluded = doc.sentences.map(
    (s, k) => house.excluded[k] === true || describesEpisode(doc.tokens.slice(s.tokenFrom, s.tokenTo + 1)),
  );
  return { ...house, excluded };
}
