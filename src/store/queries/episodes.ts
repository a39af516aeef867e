import type { Kysely } from 'kysely';
import { type ParsedEpisode, TRAILER_REASON } from '../../model/feed.js';
import { toEpisodeRow } from '../row-mappers.js';
import { dueForProcessing, needsProcessing, needsUpgrade } from './episode-work.js';
import { retireOrDelete } from './insights.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../transaction.js';
import type { Store, UpsertResult } from '../types.js';
import { isoUtc, lenientIso, nullable, toJson } from '../values.js';

type EpisodeQueries = Pick<
  Store,
  | 'upsertEpisodes'
  | 'episodeById'
  | 'episodesByFeed'
  | 'episodesToProcess'
  | 'episodesToUpgrade'
  | 'claimEpisode'
  | 'claimEpisodeToProcess'
  | 'releaseEpisode'
  | 'markEpisode'
  | 'markEpisodeFailed'
>;

/** Keeps each statement well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

const METADATA = [
  'title',
  'description',
  'link',
  'published_at',
  'duration_seconds',
  'audio_url',
  'audio_type',
  'transcripts',
  'persons',
  'episode_type',
] as const;

type Metadata = ReturnType<typeof metadataOf>;

function metadataOf(ep: ParsedEpisode) {
  return {
    title: ep.title,
    description: nullable(ep.description),
    link: nullable(ep.link),
    published_at: lenientIso(ep.publishedAt),
    duration_seconds: nullable(ep.durationSeconds),
    audio_url: nullable(ep.audioUrl),
    audio_type: nullable(ep.audioType),
    transcripts: toJson(ep.transcripts),
    persons: toJson(ep.persons),
    episode_type: nullable<string>(ep.episodeType),
  };
}

export function episodeQueries(db: Kysely<Database>): EpisodeQueries {
  // One statement is the compare-and-set: of two workers, only one matches; and a worker that
  // listed the episode before another finished it finds nothing left to do.
  const claim = (id: number, now: Date, leaseMs: number) =>
    db
      .updateTable('episodes')
      .set({ claimed_until: isoUtc(new Date(now.getTime() + leaseMs)) })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', isoUtc(now))]));
  return {
    async upsertEpisodes(feedId, episodes, seenAt) {
      const unique = firstByGuid(episodes);
      const now = isoUtc(seenAt);
      return writeTransaction(db, async (trx) => {
        const result: UpsertResult = { updated: 0, insertedIds: [] };
        for (let i = 0; i < unique.length; i += CHUNK) {
          const chunk = unique.slice(i, i + CHUNK);
          const existing = await trx
            .selectFrom('episodes')
            .select(['id', 'guid', ...METADATA])
            .where('feed_id', '=', feedId)
            .where(
              'guid',
              'in',
              chunk.map((e) => e.guid),
            )
            .execute();
          const byGuid = new Map(existing.map((r) => [r.guid, r]));
          const fresh: ParsedEpisode[] = [];
          for (const ep of chunk) {
            const row = byGuid.get(ep.guid);
            const meta = metadataOf(ep);
            if (!row) fresh.push(ep);
            else if (changed(row, meta)) {
              await trx
                .updateTable('episodes')
                .set({
                  ...meta,
                  // Only a change to what the episode holds makes its transcript out of date
                  // (episode-work.ts): not its type, which every feed sends on the first poll after 0016.
                  ...(changed(row, meta, CONTENT) && { updated_at: now }),
                  ...(await retypedStatus(trx, row, meta, now)),
                })
                .where('id', '=', row.id)
                .execute();
              result.updated += 1;
            }
          }
          if (fresh.length === 0) continue;
          const inserted = await trx
            .insertInto('episodes')
            .values(
              fresh.map((ep) => ({
                feed_id: feedId,
                guid: ep.guid,
                ...metadataOf(ep),
                first_seen_at: now,
                updated_at: now,
              })),
            )
            .onConflict((oc) => oc.columns(['feed_id', 'guid']).doNothing())
            .returning('id')
            .execute();
          for (const { id } of inserted) result.insertedIds.push(id);
        }
        return result;
      });
    },

    async episodeById(id) {
      const row = await db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEpisodeRow(row);
    },

    async episodesByFeed(feedId) {
      const rows = await db
        .selectFrom('episodes')
        .selectAll()
        .where('feed_id', '=', feedId)
        .orderBy('first_seen_at')
        .orderBy('id')
        .execute();
      return rows.map(toEpisodeRow);
    },

    async episodesToProcess(since, limit, now = new Date()) {
      const rows = await db
        .selectFrom('episodes')
        .selectAll()
        .where((eb) => dueForProcessing(eb, now))
        .where('first_seen_at', '>=', isoUtc(since))
        .orderBy('first_seen_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toEpisodeRow);
    },

    async episodesToUpgrade(engine, since, limit) {
      const rows = await db
        .selectFrom('episodes')
        .selectAll()
        .where((eb) => needsUpgrade(eb, engine))
        .where('first_seen_at', '>=', isoUtc(since))
        .orderBy('first_seen_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toEpisodeRow);
    },

    async claimEpisode(id, now, leaseMs, work) {
      const result = await claim(id, now, leaseMs)
        .where((eb) => (work === 'process' ? needsProcessing(eb, now) : needsUpgrade(eb, work.upgradeTo)))
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    async claimEpisodeToProcess(id, now, leaseMs) {
      const row = await claim(id, now, leaseMs)
        .where((eb) => dueForProcessing(eb, now))
        .returningAll()
        .executeTakeFirst();
      return row && toEpisodeRow(row);
    },

    async releaseEpisode(id) {
      await db.updateTable('episodes').set({ claimed_until: null }).where('id', '=', id).execute();
    },

    async markEpisode(id, status, lastError) {
      await db
        .updateTable('episodes')
        .set({ status, last_error: lastError ?? null })
        .where('id', '=', id)
        .execute();
    },

    async markEpisodeFailed(id, error, retryAt) {
      await db
        .updateTable('episodes')
        .set((eb) => ({
          status: 'failed',
          last_error: error,
          failures: eb('failures', '+', 1),
          retry_at: retryAt ? isoUtc(retryAt) : null,
        }))
        .where('id', '=', id)
        .execute();
    },
  };
}

function firstByGuid(episodes: ParsedEpisode[]): ParsedEpisode[] {
  const byGuid = new Map<string, ParsedEpisode>();
  for (const ep of episodes) if (!byGuid.has(ep.guid)) byGuid.set(ep.guid, ep);
  return [...byGuid.values()];
}

function changed(row: Metadata, meta: Metadata, keys: readonly (keyof Metadata)[] = METADATA): boolean {
  return keys.some((key) => row[key] !== meta[key]);
}

/** The metadata that says what an episode holds: all but its type. */
const CONTENT = METADATA.filter((key) => key !== 'episode_type');

/**
 * A promo the feed now calls content is processed again, for its insights. Content it now calls a
 * trailer is settled as one at once, its insights taken out, whatever its age (processing only lists
 * recent episodes). Nothing changes while the episode stays on its side of "trailer".
 */
async function retypedStatus(
  trx: Kysely<Database>,
  row: { id: number; episode_type: string | null },
  meta: { episode_type: string | null },
  now: string,
): Promise<{ status: string; last_error: string | null } | undefined> {
  const wasTrailer = row.episode_type === 'trailer';
  if (wasTrailer === (meta.episode_type === 'trailer')) return undefined;
  if (wasTrailer) return { status: 'new', last_error: null };
  const current = await trx
    .selectFrom('insights')
    .select('id')
    .where('episode_id', '=', row.id)
    .where('retired_at', 'is', null)
    .execute();
  await retireOrDelete(
    trx,
    current.map((r) => r.id),
    now,
  );
  return { status: 'extracted', last_error: TRAILER_REASON };
}
