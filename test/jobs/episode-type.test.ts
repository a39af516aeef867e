import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { pollFeeds, processEpisodes } from '../../src/jobs/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { startLocalHttp, type LocalHttp } from '../helpers/local-http.js';

const NOW = new Date('2026-12-07T06:00:00Z');
const TRAILER_REASON = 'a trailer: it promotes the show, none of it is episode content';

/** Three cues of claims of its own per episode, so each content episode yields insights. */
const vtt = (lines: string[]) =>
  `WEBVTT\n\n${lines.map((l, n) => `00:00:${n}1.000 --> 00:00:${n}9.000\n<v Ada>${l}\n`).join('\n')}`;

const TRANSCRIPTS: Record<string, string[]> = {
  trailer: [
    'Teams that deploy on Fridays get three times as many weekend pages, we measured it across forty teams.',
    'The cheapest reliability win is a rollback button that anybody on the team can press without asking.',
    'Old feature flags were the biggest source of hidden complexity we found in every codebase we audited.',
  ],
  bonus: [
    'Most outages we studied began with a configuration change that skipped the review every code change gets.',
    'Paging the whole team at once halves how fast an incident is fixed, because nobody knows who leads it.',
    'A runbook nobody has followed in a drill is wrong in at least one step by the time the outage comes.',
  ],
  full: [
    'Database migrations fail most often when they run inside the deploy, blocking every release behind them.',
    'Splitting a schema change into an additive step and a cleanup step a week later makes rollbacks lossless.',
    'Backfills that run in small batches with a pause between them never lock the table that users are waiting on.',
  ],
};

const NOTES =
  'We talk about reliability engineering, deploy habits and the incidents that taught us the most this year.';

function feedXml(origin: string): string {
  const item = (guid: string, day: number, inner: string) =>
    `<item><title>${guid} episode</title><guid>${guid}</guid><pubDate>${new Date(NOW.getTime() - day * 86_400_000).toUTCString()}</pubDate>` +
    `<description>${NOTES} (${guid})</description><enclosure url="${origin}/audio/${guid}.mp3" type="audio/mpeg" length="1000"/>${inner}</item>`;
  const transcript = (guid: string) => `<podcast:transcript url="${origin}/${guid}.vtt" type="text/vtt"/>`;
  return `<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel><title>Deploy Friday</title>
<podcast:trailer url="${origin}/audio/season-2.mp3" type="audio/mpeg" length="1000" season="2">Season 2</podcast:trailer>
${item('trailer', 1, `<itunes:episodeType>trailer</itunes:episodeType>${transcript('trailer')}`)}
${item('season-2', 2, '<itunes:episodeType>full</itunes:episodeType>')}
${item('bonus', 3, `<itunes:episodeType>bonus</itunes:episodeType>${transcript('bonus')}`)}
${item('full', 4, `<itunes:episodeType>full</itunes:episodeType>${transcript('full')}`)}
</channel></rss>`;
}

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(
    `a trailer is settled without a transcript or insights; bonus and full episodes are content [${label}]`,
    () => {
      let http: LocalHttp;
      let db: TestDatabase;
      let app: App;

      beforeAll(async () => {
        http = await startLocalHttp((origin) => ({
          '/feed.xml': (_req, res) =>
            void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(origin)),
          ...Object.fromEntries(
            Object.entries(TRANSCRIPTS).map(([guid, lines]) => [
              `/${guid}.vtt`,
              (_req, res) => void res.writeHead(200, { 'content-type': 'text/vtt' }).end(vtt(lines)),
            ]),
          ),
          // A paid speech-to-text API: never to be asked for a trailer.
          '/asr/audio/transcriptions': (_req, res) => void res.writeHead(500).end('not for trailers'),
        }));
        db = await createTestDatabase(dialect);
        app = await createApp(
          loadConfig({
            env: {
              DATA_DIR: db.dataDir,
              ...(db.options.databaseUrl ? { DATABASE_URL: db.options.databaseUrl } : {}),
              ALLOW_PRIVATE_NETWORKS: 'true',
              LOG_LEVEL: 'silent',
              ASR_ENGINE: 'api',
              ASR_BASE_URL: `${http.origin}/asr`,
              ASR_PRICE_PER_MINUTE_USD: '0.006',
            },
          }),
        );
        // A subscriber without interests: every show's episodes could reach a brief, trailers aside.
        await app.store.addUser({ email: 'ada@example.com', interests: [] });
        await app.store.addFeed(`${http.origin}/feed.xml`);
      });

      afterAll(async () => {
        await app?.close();
        await http?.close();
        await db?.dispose();
      });

      it('polls the feed, stores each episode type, and processes only the content', async () => {
        const [polled] = await pollFeeds(app, { all: true, now: NOW });
        expect(polled).toMatchObject({ status: 'updated', inserted: 4 });
        const [feed] = await app.store.listFeeds();
        const stored = await app.store.episodesByFeed(feed!.id);
        const byGuid = new Map(stored.map((e) => [e.guid, e]));
        expect(Object.fromEntries(stored.map((e) => [e.guid, e.episodeType]))).toEqual({
          trailer: 'trailer',
          'season-2': 'trailer',
          bonus: 'bonus',
          full: 'full',
        });

        const results = await processEpisodes(app, { now: NOW });
        const resultOf = (guid: string) => results.find((r) => r.episodeId === byGuid.get(guid)!.id);
        for (const guid of ['trailer', 'season-2'])
          expect(resultOf(guid), guid).toEqual({
            episodeId: byGuid.get(guid)!.id,
            status: 'skipped',
            reason: TRAILER_REASON,
          });
        for (const guid of ['bonus', 'full']) {
          expect(resultOf(guid), guid).toMatchObject({ status: 'extracted', source: 'published:vtt' });
          expect((await app.store.insightsByEpisode(byGuid.get(guid)!.id)).length, guid).toBeGreaterThan(0);
        }

        for (const guid of ['trailer', 'season-2']) {
          const id = byGuid.get(guid)!.id;
          expect(await app.store.episodeById(id), guid).toMatchObject({
            status: 'extracted',
            lastError: TRAILER_REASON,
          });
          expect(await app.store.insightsByEpisode(id), guid).toEqual([]);
          expect(await app.store.transcriptByEpisode(id), guid).toBeUndefined();
        }
        // Neither its published transcript, nor its audio, nor the paid API was asked for.
        expect(http.hits.get('/trailer.vtt')).toBeUndefined();
        expect(http.hits.get('/audio/trailer.mp3')).toBeUndefined();
        expect(http.hits.get('/audio/season-2.mp3')).toBeUndefined();
        expect(http.hits.get('/asr/audio/transcriptions')).toBeUndefined();
        expect(http.hits.get('/bonus.vtt')).toBe(1);

        // Settled for good: a later run has nothing left to do.
        expect(await processEpisodes(app, { now: new Date(NOW.getTime() + 3_600_000) })).toEqual([]);
      });
    },
  );
}
