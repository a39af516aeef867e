import type { Kysely } from 'kysely';
import { toStoredInsight } from '../row-mappers.js';
import type { Database } from '../schema.js';
import type { InsightIndexEntry, InsightWithContext, Store } from '../types.js';
import { fromJson, isoUtc, toJson } from '../values.js';

// Table types live here (withTables) so schema.ts stays untouched.
type InsightIndexTable = {
  insight_id: number;
  terms: string;
  embedding: string | null;
  embedding_model: string | null;
  created_at: string;
};

type IndexQueries = Pick<Store, 'saveInsightIndex' | 'insightIndex' | 'insightById'>;

/** Bound parameters per statement stay far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

export function insightIndexQueries(base: Kysely<Database>): IndexQueries {
  const db = base.withTables<{ insight_index: InsightIndexTable }>();
  return {
    async saveInsightIndex(entries) {
      const now = isoUtc(new Date());
      for (let i = 0; i < entries.length; i += CHUNK) {
        const rows = entries.slice(i, i + CHUNK).map((e) => ({
          insight_id: e.insightId,
          terms: toJson(e.terms),
          embedding: e.embedding ? toJson(e.embedding) : null,
          embedding_model: e.embeddingModel ?? null,
          created_at: now,
        }));
        await db
          .insertInto('insight_index')
          .values(rows)
          .onConflict((oc) =>
            oc.column('insight_id').doUpdateSet((eb) => ({
              terms: eb.ref('excluded.terms'),
              embedding: eb.ref('excluded.embedding'),
              embedding_model: eb.ref('excluded.embedding_model'),
              created_at: eb.ref('excluded.created_at'),
            })),
          )
          .execute();
      }
    },

    async insightIndex(insightIds) {
      const out = new Map<number, InsightIndexEntry>();
      const ids = [...new Set(insightIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await db.selectFrom('insight_index').selectAll().where('insight_id', 'in', ids.slice(i, i + CHUNK)).execute();
        for (const r of rows) {
          out.set(r.insight_id, {
            insightId: r.insight_id,
            terms: fromJson<Record<string, number>>(r.terms, 'insight index terms'),
            ...(r.embedding ? { embedding: fromJson<number[]>(r.embedding, 'insight embedding') } : {}),
            ...(r.embedding_model ? { embeddingModel: r.embedding_model } : {}),
          });
        }
      }
      return out;
    },

    async insightById(id) {
      const r = await base
        .selectFrom('insights as i')
        .innerJoin('episodes as e', 'e.id', 'i.episode_id')
        .innerJoin('feeds as f', 'f.id', 'i.feed_id')
        .selectAll('i')
        .select([
          'f.title as podcast_title',
          'f.url as feed_url',
          'e.title as episode_title',
          'e.link as episode_link',
          'e.audio_url',
          'e.published_at',
          'e.first_seen_at',
        ])
        .where('i.id', '=', id)
        .executeTakeFirst();
      if (!r) return undefined;
      const insight: InsightWithContext = {
        ...toStoredInsight(r),
        podcastTitle: r.podcast_title ?? r.feed_url,
        episodeTitle: r.episode_title,
        episodeLink: r.episode_link,
        audioUrl: r.audio_url,
        publishedAt: r.published_at,
        firstSeenAt: r.first_seen_at,
        extractedAt: r.created_at,
      };
      return insight;
    },
  };
}
