import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import { isoUtc } from '../values.js';

type OnEpisodes = ExpressionBuilder<Database, 'episodes'>;

/** New, transcribed but not extracted, or failed and due for its retry (episodesToProcess lists these). */
export function dueForProcessing(eb: OnEpisodes, now: Date): Expression<SqlBool> {
  return eb.or([
    eb('episodes.status', 'in', ['new', 'transcribed']),
    eb.and([
      eb('episodes.status', '=', 'failed'),
      eb('episodes.retry_at', 'is not', null),
      eb('episodes.retry_at', '<=', isoUtc(now)),
    ]),
  ]);
}

/**
 * What makes an episode worth processing: due for it, or holding speech-to-text or show notes
 * when its feed has since linked a transcript. The listings and the claim share it, so a worker
 * never redoes what another has finished meanwhile.
 */
export function needsProcessing(eb: OnEpisodes, now: Date): Expression<SqlBool> {
  return eb.or([dueForProcessing(eb, now), awaitsPublishedTranscript(eb)]);
}

/** The feed added a transcript link after Podbrief stored speech-to-text or show notes for it. */
export function awaitsPublishedTranscript(eb: OnEpisodes): Expression<SqlBool> {
  return eb.and([
    eb('episodes.transcripts', '!=', '[]'),
    eb.exists(
      eb
        .selectFrom('transcripts')
        .select('transcripts.episode_id')
        .whereRef('transcripts.episode_id', '=', 'episodes.id')
        .where('transcripts.source', 'not like', 'published:%')
        .whereRef('transcripts.created_at', '<', 'episodes.updated_at'),
    ),
  ]);
}

/**
 * Extracted, some of its (current) insights from another engine than `engine`, and none of them in a
 * brief yet: once one went out, new insights could repeat it to that reader.
 */
export function needsUpgrade(eb: OnEpisodes, engine: string): Expression<SqlBool> {
  return eb.and([
    eb('episodes.status', '=', 'extracted'),
    eb.exists(
      eb
        .selectFrom('insights as i')
        .select('i.id')
        .whereRef('i.episode_id', '=', 'episodes.id')
        .where('i.retired_at', 'is', null)
        .where('i.engine', '<>', engine),
    ),
    eb.not(
      eb.exists(
        eb
          .selectFrom('insights as i')
          .innerJoin('brief_insights as b', 'b.insight_id', 'i.id')
          .select('i.id')
          .whereRef('i.episode_id', '=', 'episodes.id'),
      ),
    ),
  ]);
}
