import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { processEpisode } from '../../src/jobs/index.js';
import { parsedEpisode } from '../../src/store/test-fixtures.js';

const CONTENT =
  'This week on Hard Fork, Kevin and Casey explain why the chatbots of every big company now sound alike.';

describe('an episode without a transcript is read from its show notes, knowing its show', () => {
  let app: App;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-notes-title-'));
    app = await createApp(loadConfig({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent' } }));
  });
  afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps the notes' sentences naming the show when they plug it as a new show", async () => {
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
