import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../model/errors.js';
import { toStoredInsight } from '../row-mappers.js';
import type { Database, InsightsTable } from '../schema.js';
import { writeTransaction } from '../transaction.js';
import type { InsightWithContext, Store } from '../types.js';
import type { Insight } from '../../model/insight.js';
import { insightTextKey } from '../insight-key.js';
import { isoUtc, nullable } from '../values.js';
import { matchInsights } from './match-insights.js';

type InsightQueries = Pick<
  Store,
  'replaceInsights' | 'insightsByEpisode' | 'insightsSince' | 'insightById' | 'deleteRetiredInsights'
>;

/** Insights joined with what a brief shows of their episode and podcast. */
function withContext(db: Kysely<Database>) {
  return db
    .selectFrom('insights as i')
    .innerJoin('episodes as e', 'e.id', 'i.episode_id')
    .innerJoin('feeds as f', 'f.id', 'i.feed_id')
    .leftJoin('transcripts as t', 't.episode_id', 'i.episode_id')
    .selectAll('i')
    .select([
      'f.title as podcast_title',
      'f.url as feed_url',
      'e.title as episode_title',
      'e.link as episode_link',
      'e.audio_url',
      'e.published_at',
      'e.first_seen_at',
      't.source as transcript_source',
    ]);
}

type ContextRow = Awaited<ReturnType<ReturnType<typeof withContext>['executeTakeFirstOrThrow']>>;

function toInsightWithContext(r: ContextRow): InsightWithContext {
  return {
    ...toStoredInsight(r),
    podcastTitle: r.podcast_title ?? r.feed_url,
    episodeTitle: r.episode_title,
    episodeLink: r.episode_link,
    audioUrl: r.audio_url,
    publishedAt: r.published_at,
    firstSeenAt: r.first_seen_at,
    extractedAt: r.created_at,
    ...(r.transcript_source === 'shownotes' ? { fromShowNotes: true } : {}),
    ...(r.retired_at !== null ? { retired: true as const } : {}),
  };
}

export function insightQueries(db: Kysely<Database>): InsightQueries {
  return {
    async replaceInsights(episodeId, insights, engine) {
      const now = isoUtc(new Date());
      return writeTransaction(db, async (trx) => {
        const episode = await trx
          .updateTable('episodes')
          .set({ status: 'extracted', last_error: null })
          .where('id', '=', episodeId)
          .returning('feed_id')
          .executeTakeFirst();
        if (!episode) throw new AppError('episode_not_found', `Episode ${episodeId} does not exist`);
        const existing = await trx.selectFrom('insights').selectAll().where('episode_id', '=', episodeId).execute();
        const { kept, added, vanished } = matchInsights(existing, insights);
        // Kept and added are the episode's insights now: the rest are retired or deleted below.
        const current: Selectable<InsightsTable>[] = [];
        for (const { id, insight, position } of kept) {
          // Same id and first extraction time: it is not news again, and briefs that showed it still point at it.
          current.push(
            await trx
              .updateTable('insights')
              .set({ ...insightValues(insight, position, engine), retired_at: null })
              .where('id', '=', id)
              .returningAll()
              .executeTakeFirstOrThrow(),
          );
        }
        if (added.length > 0) {
          current.push(
            ...(await trx
              .insertInto('insights')
              .values(
                added.map(({ insight, position }) => ({
                  episode_id: episodeId,
                  feed_id: episode.feed_id,
                  ...insightValues(insight, position, engine),
                  created_at: now,
                })),
              )
              .returningAll()
              .execute()),
          );
        }
        await retireOrDelete(trx, vanished, now);
        return current.sort((a, b) => a.position - b.position).map(toStoredInsight);
      });
    },

    async insightsByEpisode(episodeId) {
      const rows = await db
        .selectFrom('insights')
        .selectAll()
        .where('episode_id', '=', episodeId)
        .where('retired_at', 'is', null)
        .orderBy('position')
        .execute();
      return rows.map(toStoredInsight);
    },

    async insightsSince(since, opts = {}) {
      let query = withContext(db)
        // New since `since`: a new episode, or one whose insights were extracted late (slow transcription).
        .where((eb) => eb.or([eb('e.first_seen_at', '>=', isoUtc(since)), eb('i.created_at', '>=', isoUtc(since))]))
        .orderBy('e.first_seen_at')
        .orderBy('i.episode_id')
        .orderBy('i.position');
      if (!opts.withRetired) query = query.where('i.retired_at', 'is', null);
      const rows = await query.execute();
      return rows.map(toInsightWithContext);
    },

    async insightById(id) {
      const row = await withContext(db).where('i.id', '=', id).executeTakeFirst();
      return row && toInsightWithContext(row);
    },

    async deleteRetiredInsights(retiredBefore) {
      // Its insight_index row stays: near-duplicates of what was sent are still recognised by it.
      const result = await db
        .deleteFrom('insights')
        .where('retired_at', 'is not', null)
        .where('retired_at', '<', isoUtc(retiredBefore))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('brief_insights')
                .select('brief_insights.insight_id')
                .whereRef('brief_insights.insight_id', '=', 'insights.id'),
            ),
          ),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function insightValues(insight: Insight, position: number, engine: string) {
  return {
    position,
    headline: insight.headline,
    text: insight.text,
    quote: insight.quote,
    start_seconds: insight.start,
    end_seconds: insight.end,
    speaker: nullable(insight.speaker),
    score: insight.score,
    engine,
    text_key: insightTextKey(insight.text),
  };
}

/**
 * Takes insights out of an episode's current ones: one a brief showed is retired, not deleted, so the
 * brief's items, feedback and "already sent" still find it; the rest are deleted.
 */
export async function retireOrDelete(trx: Kysely<Database>, ids: readonly number[], now: string): Promise<void> {
  if (ids.length === 0) return;
  const shown = new Set(
    (await trx.selectFrom('brief_insights').select('insight_id').where('insight_id', 'in', ids).execute()).map(
      (r) => r.insight_id,
    ),
  );
  const retire = ids.filter((id) => shown.has(id));
  const remove = ids.filter((id) => !shown.has(id));
  if (retire.length > 0)
    await trx
      .updateTable('insights')
      .set({ retired_at: now })
      .where('id', 'in', retire)
      .where('retired_at', 'is', null)
      .execute();
  if (remove.length > 0) await trx.deleteFrom('insights').where('id', 'in', remove).execute();
}
