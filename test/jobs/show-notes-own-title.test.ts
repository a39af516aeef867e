import { describe, expect, it } from 'vitest';
import { processEpisode } from '../../src/jobs/index.js';
import { parsedEpisode } from '../../src/store/test-fixtures.js';
import { deliveryHarness } from '../helpers/delivery-harness.js';

const CONTENT =
  'This week on Hard Fork, Kevin and Casey explain why the chatbots of every big company now sound alike.';

describe('an episode without a transcript is read from its show notes, knowing its show', () => {
  const harness = deliveryHarness();

  it("keeps the notes' sentences naming the show when they plug it as a new show", async () => {
    const app = await harness.openApp({ DATA_DIR: harness.tempDir() });
    const { feed } = await app.store.addFeed('https://example.com/hard-fork.xml');
    await app.store.updateFeed(feed.id, { title: 'Hard Fork' });
    const now = new Date('2026-12-07T06:00:00Z');
    const episode = parsedEpisode('ep', {
      title: 'The Chatbots Converge',
      description: `Hard Fork is a new show from The New York Times. ${CONTENT}`,
      transcripts: [],
    });
    await app.store.upsertEpisodes(feed.id, [episode], now);
    const [stored] = await app.store.episodesByFeed(feed.id);
    if (!stored) throw new Error('episode not stored');
    await processEpisode(app, stored, now);
    const transcript = await app.store.transcriptByEpisode(stored.id);
    expect(transcript?.source).toBe('shownotes');
    expect(transcript?.segments.map((s) => s.text)).toContain(CONTENT);
  });
});
