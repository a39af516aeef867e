import type { Kysely } from 'kysely';
import { groupCommit as groupCalls } from '../model/group-commit.js';
import type { Database } from './schema.js';
import { writeTransaction } from './transaction.js';

/**
 * Group commit (model/group-commit.ts) for small independent writes (a feed's poll state after each
 * poll): the writes that arrive while a batch commits go together in the next transaction, so a poll
 * of thousands of feeds pays one commit (on SQLite, one fsync) per batch instead of one per feed.
 * `write` is one statement per item: a batch of one commits by itself, without the round trips of
 * BEGIN and COMMIT.
 */
export function groupCommit<T>(
  db: Kysely<Database>,
  write: (trx: Kysely<Database>, item: T) => Promise<void>,
): (item: T) => Promise<void> {
  // No window: the polls finishing while a batch commits are the next batch.
  return groupCalls(
    async (items: T[]) => {
      if (items.length === 1) await write(db, items[0] as T);
      else
        await writeTransaction(db, async (trx) => {
          for (const item of items) await write(trx, item);
        });
      return items.map(() => undefined);
    },
    { windowMs: 0 },
  );
}
