import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../test/net/local-server.js';
import { createApp, type App } from '../../app.js';
import { loadConfig } from '../../config/index.js';
import { processEpisode, processEpisodes } from '../../jobs/index.js';
import type { EpisodeRow } from '../../store/types.js';
import { parsedEpisode } from '../../store/test-fixtures.js';
import { speechFile } from '../audio/test-support/speech.js';
import { startFakeOpenAi, type FakeAsrServer } from './test-support/fake-asr-server.js';

const NOTES = 'In this episode we talk about open source speech recognition and what it means for podcasts.';
const VTT =
  'WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n<v Ada>Welcome to the show, today we talk about speech recognition.\n\n00:00:05.000 --> 00:00:10.000\n<v Ada>Most podcasts publish no transcript at all, which is a pity.\n';

let dir: string;
let host: LocalServer;
let api: FakeAsrServer;
let m4a: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podbrief-episode-asr-'));
  m4a = readFileSync(speechFile('m4a'));
  host = await startLocalServer((req, res) => {
    if (req.url === '/ep.m4a')
      return void res
        .writeHead(200, { 'content-type': 'audio/mp4', etag: '"1"', 'content-length': m4a.length })
        .end(m4a);
    if (req.url === '/ep.vtt') return void res.writeHead(200, { 'content-type': 'text/vtt' }).end(VTT);
    res.writeHead(404).end();
  });
  api = await startFakeOpenAi({ apiKey: 'sk-test' });
});

afterAll(async () => {
  await Promise.all([host?.close(), api?.close()]);
  await rm(dir, { recursive: true, force: true });
});

let app: App;
let run = 0;

async function start(env: Record<string, string> = {}): Promise<void> {
  const config = loadConfig({
    env: {
      DATA_DIR: join(dir, `data-${run++}`),
      ASR_ENGINE: 'api',
      ASR_BASE_URL: `${api.url}/v1`,
      ASR_API_KEY: 'sk-test',
      ALLOW_PRIVATE_NETWORKS: 'true',
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  app = await createApp(config);
}

async function addEpisode(patch: Parameters<typeof parsedEpisode>[1] = {}): Promise<EpisodeRow> {
  const { feed } = await app.store.addFeed(`${host.url}/feed.xml`);
  await app.store.upsertEpisodes(
    feed.id,
    [
      parsedEpisode('e1', {
        audioUrl: `${host.url}/ep.m4a`,
        durationSeconds: 26,
        description: NOTES,
        transcripts: [],
        ...patch,
      }),
    ],
    new Date(),
  );
  return (await app.store.episodesByFeed(feed.id))[0]!;
}

beforeEach(() => {
  api.uploads.length = 0;
});

afterEach(async () => {
  await app?.close();
});

describe('speech-to-text in the episode pipeline', () => {
  it('transcribes an episode without a published transcript and records what it cost', async () => {
    await start();
    await app.store.addUser({ email: 'a@example.com', interests: [] });
    const episode = await addEpisode();
    const result = await processEpisode(app, episode);
    expect(result).toMatchObject({ status: 'extracted', source: 'asr:api' });
    expect(result.status === 'extracted' && result.note).toMatch(
      /^no published transcript; speech-to-text by api \(whisper-1\): 0\.4 min of audio, \$0\.00\d+$/,
    );
    const stored = await app.store.transcriptByEpisode(episode.id);
    expect(stored?.source).toBe('asr:api');
    expect(stored?.segments.every((s) => s.speaker === undefined)).toBe(true); // no names without labels or podcast:person
    const [usage] = await app.store.asrUsageByEpisode(episode.id);
    const uploaded = api.uploads.reduce((sum, u) => sum + u.audioSeconds, 0);
    expect(usage).toMatchObject({ engine: 'api', model: 'whisper-1', chunks: api.uploads.length });
    expect(usage!.costUsd).toBeCloseTo((uploaded / 60) * 0.006, 6);
  });

  it('pays nothing for an episode that cannot reach any brief', async () => {
    await start();
    const episode = await addEpisode();
    const result = await processEpisode(app, episode);
    expect(result).toMatchObject({ status: 'extracted', source: 'shownotes' });
    expect(result.status === 'extracted' && result.note).toBe(
      'no published transcript; speech-to-text not used: it cannot reach any brief (no active subscribers)',
    );
    expect(api.uploads).toHaveLength(0);
  });

  it('keeps to the daily budget and says so', async () => {
    await start({ ASR_DAILY_BUDGET_USD: '0.01' });
    await app.store.addUser({ email: 'a@example.com', interests: [] });
    await app.store.recordAsrUsage({
      episodeId: null,
      audioHash: 'earlier',
      engine: 'api',
      model: 'whisper-1',
      chunkIndex: 0,
      audioSeconds: 60,
      costUsd: 0.009,
      at: new Date(),
    });
    const result = await processEpisode(app, await addEpisode());
    expect(result).toMatchObject({ status: 'extracted', source: 'shownotes' });
    expect(result.status === 'extracted' && result.note).toContain(
      'api: daily budget ASR_DAILY_BUDGET_USD ($0.01) reached: $0.01 spent today and this episode would cost about $0.00',
    );
    expect(api.uploads).toHaveLength(0);
  });

  it('prefers a transcript the feed publishes later', async () => {
    await start();
    await app.store.addUser({ email: 'a@example.com', interests: [] });
    const episode = await addEpisode();
    await processEpisode(app, episode);
    expect((await app.store.transcriptByEpisode(episode.id))?.source).toBe('asr:api');
    await new Promise((r) => setTimeout(r, 5));
    await addEpisode({ transcripts: [{ url: `${host.url}/ep.vtt`, type: 'text/vtt' }] });
    const results = await processEpisodes(app);
    expect(results).toEqual([
      expect.objectContaining({
        episodeId: episode.id,
        status: 'extracted',
        source: 'published:vtt',
        note: 'a published transcript replaced the asr:api one',
      }),
    ]);
    expect((await app.store.transcriptByEpisode(episode.id))?.segments[0]?.speaker).toBe('Ada');
    expect(await processEpisodes(app)).toEqual([]);
  });
});
