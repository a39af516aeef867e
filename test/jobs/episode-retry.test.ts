import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { EPISODE_MAX_FAILURES } from '../../src/jobs/episode-retry.js';
import { processEpisode, processEpisodes } from '../../src/jobs/index.js';
import { parsedEpisode } from '../../src/store/test-fixtures.js';
import { startLocalHttp, type LocalHttp } from '../helpers/local-http.js';

const VTT = `WEBVTT

00:00:01.000 --> 00:00:09.000
<v Ada>Teams that deploy on Fridays get three times as many weekend pages, we measured it across forty teams.

00:00:10.000 --> 00:00:19.000
<v Ben>The cheapest reliability win is a rollback button that anybody on the team can press without asking.

00:00:20.000 --> 00:00:29.000
<v Ada>Old feature flags were the biggest source of hidden complexity we found in every codebase we audited.
`;

const at = (iso: string) => new Date(`2026-11-29T${iso}Z`);

describe('a failed episode is tried again with backoff, then given up; one worker at a time', () => {
  let app: App;
  let http: LocalHttp;
  let dataDir: string;
  let up = false;

  beforeEach(async () => {
    up = false;
    http = await startLocalHttp(() => ({
      '/ep.vtt': (_req, res) => {
        if (!up) return void res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
        res.writeHead(200, { 'content-type': 'text/vtt' }).end(VTT);
      },
    }));
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-ep-retry-'));
    app = await createApp(
      loadConfig({ env: { DATA_DIR: dataDir, LOG_LEVEL: 'silent', ALLOW_PRIVATE_NETWORKS: 'true' } }),
    );
    const { feed } = await app.store.addFeed('https://example.com/feed.xml');
    // No show notes to fall back on: the published transcript is all there is.
    const episode = parsedEpisode('ep', {
      description: '',
      transcripts: [{ url: `${http.origin}/ep.vtt`, type: 'text/vtt' }],
    });
    await app.store.upsertEpisodes(feed.id, [episode], at('06:00:00'));
  });
  afterEach(async () => {
    await app.close();
    await http.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const statuses = async (time: string) => (await processEpisodes(app, { now: at(time) })).map((r) => r.status);

  it('extracts the episode once the transcript server is back', async () => {
    expect(await statuses('06:00:00')).toEqual(['skipped']);
    expect(await statuses('06:10:00')).toEqual([]);
    expect(await statuses('06:30:00')).toEqual(['skipped']);
    expect(await statuses('07:00:00')).toEqual([]);
    up = true;
    expect(await statuses('08:30:00')).toEqual(['extracted']);
    expect(await statuses('20:00:00')).toEqual([]);
    expect((await app.store.listFeeds()).length).toBe(1);
    const [episode] = await app.store.episodesByFeed(1);
    expect(episode).toMatchObject({ status: 'extracted', failures: 2 });
    expect((await app.store.insightsByEpisode(episode!.id)).length).toBeGreaterThan(0);
  });

  it(`gives up after ${EPISODE_MAX_FAILURES} failures`, async () => {
    for (const time of ['06:00:00', '06:30:00', '08:30:00', '16:30:00'])
      expect(await statuses(time)).toEqual(['skipped']);
    const [episode] = await app.store.episodesByFeed(1);
    expect(episode).toMatchObject({ status: 'failed', failures: EPISODE_MAX_FAILURES, retryAt: null });
    up = true;
    expect(await statuses('23:59:00')).toEqual([]);
    expect(http.hits.get('/ep.vtt')).toBe(EPISODE_MAX_FAILURES);
  });

  it('two workers on the same episode: one extracts it, the other skips it', async () => {
    up = true;
    const [episode] = await app.store.episodesByFeed(1);
    const results = await Promise.all([
      processEpisode(app, episode!, at('06:00:00')),
      processEpisode(app, episode!, at('06:00:00')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['extracted', 'skipped']);
    expect(results.find((r) => r.status === 'skipped')).toMatchObject({
      reason: 'another worker is processing it or has done it',
    });
    expect(http.hits.get('/ep.vtt')).toBe(1);
    // A third worker that listed it before it was done finds nothing left to do, lease or not.
    expect(await processEpisode(app, episode!, at('06:00:01'))).toMatchObject({ status: 'skipped' });
    expect(await app.store.claimEpisode(episode!.id, at('06:00:01'), 1000, 'process')).toBe(false);
    expect(http.hits.get('/ep.vtt')).toBe(1);
  });
});
