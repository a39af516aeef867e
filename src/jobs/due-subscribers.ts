import { localTime } from '../briefs/index.js';
import { receivesBriefs, type User } from '../model/user.js';
import type { DueSubscribersStore } from './ports.js';

/**
 * Subscribers who receive briefs, are not suppressed and whose local delivery hour has come (any
 * hour with `ignoreHour`); `userIds` narrows them, `onSuppressed` hears of each suppressed one
 * whose hour has come.
 */
export async function dueSubscribers(
  app: { store: DueSubscribersStore },
  now: Date,
  opts: { ignoreHour?: boolean; userIds?: readonly number[]; onSuppressed?: (user: User) => void } = {},
): Promise<User[]> {
  const only = opts.userIds && new Set(opts.userIds);
  const suppressed = new Set((await app.store.listSuppressions()).map((s) => s.email));
  return (await app.store.listUsers()).filter((u) => {
    if (!receivesBriefs(u) || (only && !only.has(u.id))) return false;
    if (!opts.ignoreHour && localTime(now, u.timezone).hour < u.deliveryHour) return false;
    if (!suppressed.has(u.email.trim().toLowerCase())) return true;
    opts.onSuppressed?.(u);
    return false;
  });
}
