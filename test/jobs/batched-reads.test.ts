import { describe, expect, it } from 'vitest';
import { withBatchedReads } from '../../src/delivery/index.js';
import { briefItem } from '../../src/store/test-fixtures.js';
import { useTestStore } from '../../src/store/test-store.js';
import type { Store } from '../../src/store/types.js';

/** The store with its batch reads of users and sent insights counted. */
function counted(store: Store): { store: Store; batches: { users: number[][]; sent: number[][] } } {
  const batches = { users: [] as number[][], sent: [] as number[][] };
  return {
    batches,
    store: {
      ...store,
      usersById(ids) {
        batches.users.push(ids);
        return store.usersById(ids);
      },
      sentInsightIdsOf(ids) {
        batches.sent.push(ids);
        return store.sentInsightIdsOf(ids);
      },
    },
  };
}

describe('a send run reads subscribers in batches', () => {
  const t = useTestStore('sqlite');

  it('answers reads asked together with one query each, every caller its own answer, and reads again later', async () => {
    const ids: number[] = [];
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com'])
      ids.push((await t.store.addUser({ email, interests: [] })).user.id);
    const [a, b, c] = ids as [number, number, number];
    await t.store.createBrief(b, '2026-12-01', [briefItem(4)]);
    const { store, batches } = counted(t.store);
    const run = withBatchedReads(store);

    const users = await Promise.all([a, b, c, 999_999].map((id) => run.userById(id)));
    expect(users.map((u) => u?.email)).toEqual(['a@example.com', 'b@example.com', 'c@example.com', undefined]);
    const [sentA, sentB] = await Promise.all([run.sentInsightIds(a), run.sentInsightIds(b), run.profileOf(c)]);
    expect(sentA).toEqual(new Set());
    expect(sentB).toEqual(new Set([4]));
    expect(batches.users).toEqual([[a, b, c, 999_999]]);
    expect(batches.sent).toEqual([[a, b]]);

    // Nothing is kept: a later read sees what changed since.
    await t.store.setUserStatus(a, 'unsubscribed');
    expect((await run.userById(a))?.status).toBe('unsubscribed');
    expect(batches.users).toHaveLength(2);
  });
});
