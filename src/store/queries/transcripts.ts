import { type Kysely, type QueryCreator, sql } from 'kysely';
import { dialectOf } from '../dialect.js';
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
      const save = (q: QueryCreator<Database>) =>
        q
          .insertInto('transcripts')
          .values({ episode_id: episodeId, ...values })
          .onConflict((oc) => oc.column('episode_id').doUpdateSet(values));
      // A new episode moves to 'transcribed' with its transcript; one being retried is marked by the caller.
      const markTranscribed = { status: 'transcribed' as const, last_error: null };
      // On PostgreSQL one statement does both (a data-modifying WITH runs whether or not it is read):
      // one round trip instead of four with BEGIN and COMMIT, on the path of every episode.
      if (dialectOf(db) === 'postgres') {
        await db
          .with('saved', (q) => save(q).returning('episode_id'))
          .updateTable('episodes')
          .set(markTranscribed)
          .where('id', '=', episodeId)
          .where('status', '=', 'new')
          .execute();
        return;
      }
      await writeTransaction(db, async (trx) => {
        await save(trx).execute();
        await trx
          .updateTable('episodes')
          .set(markTranscribed)
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
