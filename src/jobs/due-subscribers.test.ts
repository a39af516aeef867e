import { describe, expect, it } from 'vitest';
import type { User } from '../model/user.js';
import { dueSubscribers } from './due-subscribers.js';
import type { DueSubscribersStore } from './ports.js';

function subscriber(id: number, patch: Partial<User> = {}): User {
  const at = '2026-12-01T00:00:00.000Z';
  return {
    id,
    email: `reader${id}@example.com`,
    interests: [],
    timezone: 'UTC',
    deliveryHour: 0,
    status: 'active',
    unsubscribeToken: `t${id}`,
    createdAt: at,
    confirmedAt: at,
    ...patch,
  };
}

/** Users 1..n; every third paused, every fourth suppressed, 5 gets briefs at noon; counts the pages read. */
function storeOf(n: number) {
  const users = Array.from({ length: n }, (_, i) =>
    subscriber(i + 1, {
      ...((i + 1) % 3 === 0 && { pausedAt: '2026-12-01T00:00:00.000Z' }),
      ...(i + 1 === 5 && { deliveryHour: 12 }),
    }),
  );
  const pagesRead: number[] = [];
  const store: DueSubscribersStore = {
    async usersAfter(afterId, limit) {
      pagesRead.push(afterId);
      return users.filter((u) => u.id > afterId).slice(0, limit);
    },
    async suppressionsFor(emails) {
      return emails.map((email) => {
        const id = Number(email.match(/\d+/)?.[0]);
        return id % 4 === 0
          ? { email, userId: id, reason: 'hard_bounce', responseCode: 550, detail: '', createdAt: '' }
          : undefined;
      });
    },
  };
  return { store, pagesRead };
}

describe('dueSubscribers', () => {
  it('reads subscribers a page at a time and yields the due ones of each, suppressed ones heard of', async () => {
    const { store, pagesRead } = storeOf(10);
    let suppressed = 0;
    const pages: number[][] = [];
    for await (const page of dueSubscribers({ store }, new Date('2026-12-02T09:00:00Z'), {
      pageSize: 4,
      onSuppressed: () => (suppressed += 1),
    }))
      pages.push(page.map((u) => u.id));
    expect(pages).toEqual([[1, 2], [7], [10]]);
    // 4 and 8 are suppressed (12 would be, but is not there); 3, 6 and 9 are paused.
    expect(suppressed).toBe(2);
    expect(pagesRead).toEqual([0, 4, 8]);
  });

  it('narrows to `userIds`, any hour with `ignoreHour`', async () => {
    const { store } = storeOf(10);
    const due: number[] = [];
    for await (const page of dueSubscribers({ store }, new Date('2026-12-02T09:00:00Z'), {
      pageSize: 3,
      userIds: [1, 2, 5, 7],
      ignoreHour: true,
    }))
      due.push(...page.map((u) => u.id));
    expect(due).toEqual([1, 2, 5, 7]);
  });
});
