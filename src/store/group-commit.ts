import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { writeTransaction } from './transaction.js';

interface Pending<T> {
  item: T;
  done(): void;
  fail(err: unknown): void;
}

/**
 * Group commit for small independent writes (a feed's poll state after each poll): the writes that
 * arrive while a batch commits go together in the next transaction, so a poll of thousands of feeds
 * pays one commit (on SQLite, one fsync) per batch instead of one per feed. Each caller's promise
 * settles once its own write is committed; a batch that fails is retried one write at a time, so one
 * bad write fails only its caller. `write` is one statement per item: a batch of one commits by
 * itself, without the round trips of BEGIN and COMMIT.
 */
export function groupCommit<T>(
  db: Kysely<Database>,
  write: (trx: Kysely<Database>, item: T) => Promise<void>,
): (item: T) => Promise<void> {
  let queue: Pending<T>[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    try {
      while (queue.length > 0) {
        // Let the I/O callbacks already due (other polls finishing) join this batch.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = queue;
        queue = [];
        const [only] = batch;
        if (batch.length === 1 && only) {
          await write(db, only.item).then(only.done, only.fail);
          continue;
        }
        try {
          await writeTransaction(db, async (trx) => {
            for (const p of batch) await write(trx, p.item);
          });
          for (const p of batch) p.done();
        } catch {
          for (const p of batch) {
            await writeTransaction(db, (trx) => write(trx, p.item)).then(p.done, p.fail);
          }
        }
      }
    } finally {
      running = false;
    }
  }

  return (item) =>
    new Promise<void>((done, fail) => {
      queue.push({ item, done, fail });
      if (!running) void drain();
    });
}
