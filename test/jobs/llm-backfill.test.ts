import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { goodOutput, showTranscript, transcriptOf } from '../../src/insights/llm/test-support/fixtures.js';
import { startFakeOpenAi } from '../../src/insights/llm/test-support/fake-openai.js';
import type { FakeServer } from '../../src/insights/llm/test-support/fake-server.js';
import type { Step } from '../../src/insights/llm/test-support/script.js';
import { processEpisodes, upgradeInsights } from '../../src/jobs/index.js';
import { briefItem, parsedEpisode } from '../../src/store/test-fixtures.js';

const LLM_HEADLINES = goodOutput.insights.map((i) => i.headline);

/** A distinct transcript per episode, so nothing is answered from the LLM cache. */
const transcriptFor = (n: number) =>
  transcriptOf([
    ...showTranscript().segments,
    { start: 500, end: 510, speaker: 'Ada', text: `That was episode ${n}.` },
  ]);

describe('back-fill: episodes that fell back to the embedded engine get LLM insights later', () => {
  let app: App;
  let server: FakeServer;
  let dataDir: string;

  async function start(script: Step[], episodes: number): Promise<number[]> {
    server = await startFakeOpenAi(script);
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-backfill-'));
    const env = {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      INSIGHT_ENGINE: 'llm',
      LLM_BASE_URL: `${server.url}/v1`,
      LLM_MODEL: 'test-model',
      LLM_API_KEY: 'sk-test',
      LLM_MAX_RETRIES: '0',
    };
    app = await createApp(loadConfig({ env }));
    // One show each: the same talk in several episodes of one show would be its recurring intro.
    const ids: number[] = [];
    for (let n = 1; n <= episodes; n++) {
      const { feed } = await app.store.addFeed(`https://example.com/feed-${n}.xml`);
      await app.store.upsertEpisodes(feed.id, [parsedEpisode(`ep${n}`)], new Date());
      ids.push(...(await app.store.episodesByFeed(feed.id)).map((e) => e.id));
    }
    for (const [n, id] of ids.entries()) await app.store.saveTranscript(id, transcriptFor(n + 1));
    return ids;
  }
  afterEach(async () => {
    await app?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const headlines = async (episodeId: number) => (await app.store.insightsByEpisode(episodeId)).map((i) => i.headline);

  it('upgrades an episode the provider failed on, but not one whose insights already went out', async () => {
    const [one, two, three] = (await start([{ status: 500 }, { status: 500 }, { output: goodOutput }], 3)) as [
      number,
      number,
      number,
    ];
    const processed = await processEpisodes(app);
    expect(processed.map((p) => p.status)).toEqual(['extracted', 'extracted', 'extracted']);
    expect(await headlines(one)).not.toEqual(LLM_HEADLINES);
    expect(await headlines(three)).toEqual(LLM_HEADLINES);

    // A subscriber already got one of episode one's (embedded) insights.
    const { user } = await app.store.addUser({ email: 'ada@example.com', interests: [] });
    const sent = (await app.store.insightsByEpisode(one))[0]!;
    await app.store.createBrief(user.id, '2026-11-29', [briefItem(sent.id)]);
    const before = await headlines(one);

    expect(await upgradeInsights(app)).toEqual([{ episodeId: two, status: 'upgraded', insights: 3 }]);
    expect(await headlines(two)).toEqual(LLM_HEADLINES);
    expect(await headlines(one)).toEqual(before);
    expect(await upgradeInsights(app)).toEqual([]);
    expect(server.requests).toHaveLength(4);
  });

  it('stops at the first episode the provider still fails on, keeping the embedded insights', async () => {
    const ids = await start([{ status: 500 }, { status: 500 }, { status: 503 }], 2);
    await processEpisodes(app);
    const kept = await Promise.all(ids.map(headlines));
    const results = await upgradeInsights(app);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'kept', reason: expect.stringContaining('503') });
    expect(server.requests).toHaveLength(3);
    expect(await Promise.all(ids.map(headlines))).toEqual(kept);
  });

  it('does not ask again about an episode the model found nothing grounded in', async () => {
    const nothing = {
      insights: [
        {
          headline: 'Made up',
          text: 'Something nobody said on the show at all.',
          quote: 'words that never appear in this transcript anywhere',
          start_seconds: 3,
          speaker: null,
        },
      ],
    };
    const [only] = (await start([{ status: 500 }, { output: nothing }], 1)) as [number];
    await processEpisodes(app);
    expect(await upgradeInsights(app)).toEqual([
      { episodeId: only, status: 'kept', reason: 'the model gave no insight grounded in the transcript' },
    ]);
    expect(await upgradeInsights(app)).toEqual([]);
    // The queue worker runs each job with its own copy of the App (a job logger): it remembers too.
    expect(await upgradeInsights({ ...app, log: app.log })).toEqual([]);
    expect(server.requests).toHaveLength(2);
    expect((await headlines(only)).length).toBeGreaterThan(0);
  });
});
