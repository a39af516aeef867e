import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../app.js';
import { loadConfig } from '../../config/index.js';
import { processEpisode } from '../../jobs/index.js';
import { createLogger } from '../../logger.js';
import { parsedEpisode } from '../../store/test-fixtures.js';
import { goodOutput, showTranscript } from './test-support/fixtures.js';
import { startFakeAnthropic } from './test-support/fake-anthropic.js';
import type { FakeServer } from './test-support/fake-server.js';
import type { Step } from './test-support/script.js';

describe('the pipeline with INSIGHT_ENGINE=llm', () => {
  let app: App | undefined;
  let server: FakeServer | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    app = server = dir = undefined;
  });

  async function episodeWithTranscript(script: Step[]) {
    server = await startFakeAnthropic(script);
    dir = await mkdtemp(join(tmpdir(), 'podbrief-llm-'));
    const config = loadConfig({
      env: {
        DATA_DIR: dir,
        INSIGHT_ENGINE: 'llm',
        LLM_PROVIDER: 'anthropic',
        LLM_BASE_URL: server.url,
        LLM_MODEL: 'claude-test',
        LLM_API_KEY: 'sk-ant-test',
      },
    });
    app = await createApp(config, { log: createLogger('silent') });
    const { feed } = await app.store.addFeed('https://example.com/feed.xml');
    await app.store.upsertEpisodes(feed.id, [parsedEpisode('e1')], new Date());
    const episode = (await app.store.episodesByFeed(feed.id))[0]!;
    await app.store.saveTranscript(episode.id, showTranscript());
    return { app, episode };
  }

  it('stores the LLM’s insights and records the call against the episode', async () => {
    const { app, episode } = await episodeWithTranscript([{ output: goodOutput }]);
    expect(await processEpisode(app, episode)).toMatchObject({ status: 'extracted', insights: 3 });
    expect((await app.store.insightsByEpisode(episode.id)).map((i) => i.headline)).toEqual(
      goodOutput.insights.map((i) => i.headline),
    );
    expect(await app.store.llmCallsByEpisode(episode.id)).toMatchObject([
      { provider: 'anthropic', model: 'claude-test', outcome: 'ok' },
    ]);
  });

  it('notes a fallback to the embedded engine and still stores insights', async () => {
    const { app, episode } = await episodeWithTranscript([{ malformed: true }]);
    const result = await processEpisode(app, episode);
    expect(result).toMatchObject({
      status: 'extracted',
      note: expect.stringMatching(/^LLM engine fell back to embedded: /),
    });
    expect((await app.store.insightsByEpisode(episode.id)).length).toBeGreaterThan(0);
  });

  it('leaves a rate-limited episode for a later run, saying when', async () => {
    const { app, episode } = await episodeWithTranscript([{ status: 429, headers: { 'retry-after': '600' } }]);
    const result = await processEpisode(app, episode);
    expect(result).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^LLM provider rate limit .*; retry after \d{4}-/),
    });
    expect(await app.store.episodeById(episode.id)).toMatchObject({
      status: 'transcribed',
      lastError: expect.stringContaining('retry after'),
    });
    expect((await app.store.episodesToProcess(new Date(0), 10)).map((e) => e.id)).toEqual([episode.id]);
  });
});
