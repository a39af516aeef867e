import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import { briefItem, insight, parsedEpisode } from '../../store/test-fixtures.js';
import { useTestStore } from '../../store/test-store.js';
import { expireSignUps } from './expire-sign-ups.task.js';

describe('the housekeeping of every scheduler tick', () => {
  const testStore = useTestStore('sqlite');

  it('deletes a retired insight no brief refers to once it has been retired 30 days', async () => {
    const { store } = testStore;
    const { feed } = await store.addFeed('https://example.com/feed.xml');
    await store.upsertEpisodes(feed.id, [parsedEpisode('e1')], new Date());
    const episode = (await store.episodesByFeed(feed.id))[0]!;
    const [shown] = await store.replaceInsights(episode.id, [insight(0), insight(1)], 'embedded');
    const { user } = await store.addUser({ email: 'ada@example.com', interests: [] });
    await store.createBrief(user.id, '2024-06-02', [briefItem(shown!.id)]);
    await store.replaceInsights(episode.id, [insight(1)], 'embedded');
    await store.deleteUserData(user.id);

    const app = { store, log: createLogger('silent') };
    const day = 86_400_000;
    expect(await expireSignUps(app, new Date(Date.now() + 29 * day))).toMatchObject({ retiredInsights: 0 });
    expect(await store.insightById(shown!.id)).toBeDefined();
    expect(await expireSignUps(app, new Date(Date.now() + 31 * day))).toMatchObject({ retiredInsights: 1 });
    expect(await store.insightById(shown!.id)).toBeUndefined();
  });
});
