import { AppError } from '../model/errors.js';
import { redactUrl } from '../net/index.js';
import type { FeedRow, Store } from '../store/types.js';

/** A feed by its id or URL, else the error that points at `feeds list`. */
export async function findFeed(
  app: { store: Pick<Store, 'feedById' | 'feedByUrl'> },
  target: string,
): Promise<FeedRow> {
  const feed = /^\d+$/.test(target)
    ? await app.store.feedById(Number(target))
    : await app.store.feedByUrl(target.trim());
  if (!feed) throw new AppError('feed_not_found', `no feed ${redactUrl(target)}: see podbrief feeds list`);
  return feed;
}
