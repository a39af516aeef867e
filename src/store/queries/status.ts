import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Store, StatusCounts } from '../types.js';

type StatusQueries = Pick<Store, 'statusCounts'>;

export function statusQueries(db: Kysely<Database>): StatusQueries {
  return {
    async statusCounts() {
      const episodes = await db
        .selectFrom('episodes')
        .select((eb) => ['status', eb.fn.countAll<string>().as('n'), eb.fn.count<string>('retry_at').as('retrying')])
        .groupBy('status')
        .execute();
      const deliveries = await db
        .selectFrom('deliveries')
        .select((eb) => [
          'status',
          eb.fn.countAll<string>().as('n'),
          eb.fn.sum<string>('possible_duplicates').as('duplicates'),
        ])
        .groupBy('status')
        .execute();
      const suppressed = await db
        .selectFrom('suppressions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirst();
      const counts: StatusCounts = {
        episodes: { new: 0, transcribed: 0, extracted: 0, failedRetrying: 0, failedGivenUp: 0 },
        deliveries: { pending: 0, sending: 0, sent: 0, failed: 0, cancelled: 0, bounced: 0, possibleDuplicates: 0 },
        suppressed: Number(suppressed?.n ?? 0),
      };
      for (const row of episodes) {
        const n = Number(row.n);
        if (row.status === 'failed') {
          counts.episodes.failedRetrying = Number(row.retrying);
          counts.episodes.failedGivenUp = n - Number(row.retrying);
        } else if (row.status in counts.episodes)
          counts.episodes[row.status as 'new' | 'transcribed' | 'extracted'] = n;
      }
      for (const row of deliveries) {
        counts.deliveries.possibleDuplicates += Number(row.duplicates ?? 0);
        if (row.status in counts.deliveries && row.status !== 'possibleDuplicates')
          counts.deliveries[row.status as Exclude<keyof StatusCounts['deliveries'], 'possibleDuplicates'>] = Number(
            row.n,
          );
      }
      return counts;
    },
  };
}
