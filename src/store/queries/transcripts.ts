import { type Kysely, sql } from 'kysely';
import { toTranscript } from '../row-mappers.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../transaction.js';
import type { Store } from '../types.js';
import { isoUtc, nullable, toJson } from '../values.js';

type TranscriptQueries = Pick<Store, 'saveTranscript' | 'transcriptByEpisode' | 'recentTranscriptsByFeed'>;

export function transcriptQueries(db: Kysely<Database>): TranscriptQueries {
  return {
    async saveTranscript(episodeId, transcript) {
      const values = {
        source: transcript.source,
        language: nullable(transcript.language),
        hash: transcript.hash,
        segments: toJson(transcript.segments),
        created_at: isoUtc(new Date()),
      };
      await writeTransaction(db, async (trx) => {
        await trx
          .insertInto('transcripts')
          .values({ episode_id: episodeId, ...values })
          .onConflict((oc) => oc.column('episode_id').doUpdateSet(values))
          .execute();
        await trx
          .updateTable('episodes')
          .set({ status: 'transcribed', last_error: null })
          .where('id', '=', episodeId)
          .where('status', '=', 'new')
          .execute();
      });
    },

    async transcriptByEpisode(episodeId) {
      const row = await db.selectFrom('transcripts').selectAll().where('episode_id', '=', episodeId).executeTakeFirst();
      return row && toTranscript(row);
    },

    async recentTranscriptsByFeed(feedId, limit) {
      const rows = await db
        .selectFrom('transcripts')
        .innerJoin('episodes', 'episodes.id', 'transcripts.episode_id')
        .selectAll('transcripts')
        .where('episodes.feed_id', '=', feedId)
        .orderBy(sql`coalesce(episodes.published_at, '')`, 'desc')
        .orderBy('episodes.first_seen_at')
        .orderBy('episodes.id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ episodeId: row.episode_id, transcript: toTranscript(row) }));
    },
  };
}
