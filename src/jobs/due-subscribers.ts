import { localTime } from '../briefs/index.js';
import { receivesBriefs, type User } from '../model/user.js';
import type { DueSubscribersStore } from './ports.js';

/** Subscribers read per query: a send run holds this many (and those in flight), whatever the list's size. */
const DUE_PAGE_SIZE = 1000;

/**
 * Subscribers who receive briefs, are not suppressed and whose local delivery hour has come (any
 * hour with `ignoreHour`), a page at a time by id; `userIds` narrows them, `onSuppressed` hears of
 * each suppressed one whose hour has come. Each page is read when the one before is taken, so a
 * subscriber who signed up or left meanwhile is seen as stored then.
 */
export async function* dueSubscribers(
  app: { store: DueSubscribersStore },
  now: Date,
  opts: {
    ignoreHour?: boolean;
    userIds?: readonly number[];
    onSuppressed?: (user: User) => void;
    pageSize?: number;
  } = {},
): AsyncGenerator<User[]> {
  const only = opts.userIds && new Set(opts.userIds);
  const pageSize = opts.pageSize ?? DUE_PAGE_SIZE;
  for (let afterId = 0; ; ) {
    const page = await app.store.usersAfter(afterId, pageSize);
    if (page.length === 0) return;
    afterId = page[page.length - 1]?.id ?? afterId;
    // Suppressions are looked up only for those whose hour has come: most of a tick's page is not.
    const candidates = page.filter(
      (u) =>
        receivesBriefs(u) &&
        (!only || only.has(u.id)) &&
        (opts.ignoreHour || localTime(now, u.timezone).hour >= u.deliveryHour),
    );
    const suppressions = candidates.length > 0 ? await app.store.suppressionsFor(candidates.map((u) => u.email)) : [];
    const due = candidates.filter((u, i) => {
      if (!suppressions[i]) return true;
      opts.onSuppressed?.(u);
      return false;
    });
    if (due.length > 0) yield due;
    if (page.length < pageSize) return;
  }
}
