import type { Generated, Kysely } from 'kysely';
import { costSince } from './cost-since.js';
import { awaitsPublishedTranscript } from './episode-work.js';
import type { Database } from '../schema.js';
import type { Store } from '../types.js';
import { isoUtc } from '../values.js';

// The table type lives here (added with withTables) so schema.ts stays untouched.
export type AsrUsageTable = {
  id: Generated<number>;
  episode_id: number | null;
  audio_hash: string;
  engine: string;
  model: string;
  chunk_index: number;
  audio_seconds: number;
  cost_usd: number;
  created_at: string;
};

type AsrUsageQueries = Pick<
  Store,
  'recordAsrUsage' | 'asrSpendSince' | 'asrUsageByEpisode' | 'episodesAwaitingPublishedTranscript'
>;

export function asrUsageQueries(base: Kysely<Database>): AsrUsageQueries {
  const db = base.withTables<{ asr_usage: AsrUsageTable }>();
  return {
    async recordAsrUsage(u) {
      await db
        .insertInto('asr_usage')
        .values({
          episode_id: u.episodeId,
          audio_hash: u.audioHash,
          engine: u.engine,
          model: u.model,
          chunk_index: u.chunkIndex,
          audio_seconds: u.audioSeconds,
          cost_usd: u.costUsd,
          created_at: isoUtc(u.at),
        })
        .execute();
    },

    asrSpendSince: (since) => costSince(base, 'asr_usage', since),

    async asrUsageByEpisode(episodeId) {
      const rows = await db
        .selectFrom('asr_usage')
        .select(['engine', 'model'])
        .select((eb) => [
          eb.fn.sum<number | string>('audio_seconds').as('seconds'),
          eb.fn.sum<number | string>('cost_usd').as('cost'),
          eb.fn.countAll<number | string>().as('chunks'),
        ])
        .where('episode_id', '=', episodeId)
        .groupBy(['engine', 'model'])
        .orderBy('engine')
        .execute();
      return rows.map((r) => ({
        engine: r.engine,
        model: r.model,
        audioSeconds: Number(r.seconds),
        costUsd: Number(r.cost),
        chunks: Number(r.chunks),
      }));
    },

    async episodesAwaitingPublishedTranscript(since, limit) {
      // A feed added a transcript link after Podbrief stored speech-to-text or show notes.
      const rows = await db
        .selectFrom('episodes')
        .select('episodes.id')
        .where((eb) => awaitsPublishedTranscript(eb))
        .where('episodes.first_seen_at', '>=', isoUtc(since))
        .orderBy('episodes.first_seen_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
