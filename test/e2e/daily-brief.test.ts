import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { deliverBriefs, pollFeeds, processEpisodes } from '../../src/jobs/index.js';
import { normalizeForMatch, transcriptText } from '../../src/transcripts/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { corpusPath, hasCorpus, requireCorpus } from '../corpus.js';
import { startLocalHttp, withEtag, type LocalHttp } from '../helpers/local-http.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

const published = [
  { file: 'talkpython-507-langgraph.vtt', type: 'text/vtt', title: 'Agentic AI workflows with LangGraph' },
  { file: 'buzzcast-9092843.pc20.json', type: 'application/json', title: 'Buzzcast on podcast growth' },
  { file: 'podnews-weekly-review-2024-01-19.vtt', type: 'text/vtt', title: 'Podnews Weekly Review' },
  { file: 'lennys-podcast-seth-godin.md', type: 'text/markdown', title: 'Seth Godin on marketing' },
  { file: 'podcasting20-ep124-excerpt.srt', type: 'application/srt', title: 'Podcasting 2.0 episode 124' },
  { file: 'pc20-spec-example.html', type: 'text/html', title: 'How to start a podcast' },
];

/** An RSS feed of our own whose episodes point at the real corpus transcripts on the local host. */
function transcriptFeed(origin: string): string {
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toUTCString();
  const items = published
    .map(
      (
        p,
        i,
      ) => `<item><title>${p.title}</title><guid isPermaLink="false">corpus-${i}</guid><pubDate>${day(i + 1)}</pubDate>
<link>${origin}/episodes/${i}</link><enclosure url="${origin}/audio/${i}.mp3" type="audio/mpeg" length="1000"/>
<description>Episode ${i} of the corpus show.</description>
<podcast:transcript url="${origin}/transcripts/${p.file}" type="${p.type}"/></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>
<title>Corpus Transcripts Show</title><link>${origin}/</link><description>Real transcripts</description>
${items}</channel></rss>`;
}

const dialects = await testDialects();

describe.skipIf(!hasCorpus && process.env.CI !== 'true').each(dialects)(
  'end to end on $label: feeds → transcripts → insights → brief → SMTP',
  ({ dialect, skip }) => {
    let http: LocalHttp;
    let smtp: SmtpSink;
    let app: App;
    let db: TestDatabase;

    beforeAll(async () => {
      if (skip) return;
      requireCorpus();
      const realFeed = (name: string, rewrite?: (xml: string, origin: string) => string) => (origin: string) => {
        const xml = readFileSync(corpusPath('feeds', 'real', name), 'utf8');
        return withEtag(rewrite ? rewrite(xml, origin) : xml, 'application/rss+xml');
      };
      http = await startLocalHttp((origin) => ({
        '/feeds/transcripts.xml': withEtag(transcriptFeed(origin), 'application/rss+xml'),
        // A real Podcasting 2.0 feed; its caption files are "hosted" here and missing, so episodes fall back to show notes.
        '/feeds/pc20.xml': realFeed('partytime__podcasting20-pc20rss.xml', (xml, o) =>
          xml.replaceAll('https://mp3s.nashownotes.com/', `${o}/nashownotes/`),
        )(origin),
        '/feeds/lautsprecher.xml': realFeed('podcastarchiver__lautsprecher-podlove.xml')(origin),
        '/feeds/html.xml': (_req, res) =>
          void res
            .writeHead(200, { 'content-type': 'text/html' })
            .end('<!doctype html><html><body>Parked</body></html>'),
        '/feeds/broken.xml': withEtag('<?xml version="1.0"?><rss><channel><title>Broken', 'application/rss+xml'),
        ...Object.fromEntries(
          published.map((p) => [
            `/transcripts/${p.file}`,
            withEtag(readFileSync(corpusPath('transcripts', p.file)), p.type),
          ]),
        ),
      }));
      smtp = await startSmtpSink();
      db = await createTestDatabase(dialect);
      const config = loadConfig({
        env: {
          DATA_DIR: db.dataDir,
          DATABASE_URL: db.options.databaseUrl ?? '',
          SMTP_URL: smtp.url,
          ALLOW_PRIVATE_NETWORKS: 'true',
          LOG_LEVEL: 'error',
          PUBLIC_URL: 'https://brief.example',
        },
      });
      app = await createApp(config);
      for (const f of ['transcripts', 'pc20', 'lautsprecher', 'html', 'broken', 'missing'])
        await app.store.addFeed(`${http.origin}/feeds/${f}.xml`);
      // Nothing listens on port 1: a feed host that does not answer.
      await app.store.addFeed('http://127.0.0.1:1/feed.xml');
      await app.store.addUser({ email: 'reader@example.com', interests: ['podcast transcripts', 'AI agents'] });
    });

    afterAll(async () => {
      await app?.close();
      await http?.close();
      await smtp?.close();
      await db?.dispose();
    });

    it.skipIf(skip)('polls every feed, reporting the bad ones in one line each and keeping the good ones', async () => {
      const results = await pollFeeds(app, { all: true });
      const byPath = new Map(results.map((r) => [new URL(r.url).pathname, r]));
      expect(byPath.get('/feeds/transcripts.xml')?.status).toBe('updated');
      expect(byPath.get('/feeds/pc20.xml')?.status).toBe('updated');
      expect(byPath.get('/feeds/lautsprecher.xml')?.status).toBe('updated');
      for (const bad of ['/feeds/html.xml', '/feeds/broken.xml', '/feeds/missing.xml', '/feed.xml']) {
        const r = byPath.get(bad);
        expect(r?.status).toBe('failed');
        if (r?.status === 'failed') {
          expect(r.error).not.toContain('\n');
          expect(r.error.length).toBeGreaterThan(5);
        }
      }
      const feeds = await app.store.listFeeds();
      const missing = feeds.find((f) => f.url.endsWith('/missing.xml'));
      expect(missing?.lastError).toMatch(/404/);
      expect(missing?.errorCount).toBe(1);
      expect(byPath.get('/feeds/html.xml')).toMatchObject({ code: 'not_a_feed' });
      expect(byPath.get('/feeds/broken.xml')).toMatchObject({ code: 'invalid_feed' });
      expect(byPath.get('/feed.xml')).toMatchObject({ code: 'connection_failed' });
    });

    it.skipIf(skip)('re-polling never duplicates an episode and uses conditional GET', async () => {
      const feed = (await app.store.listFeeds()).find((f) => f.url.endsWith('/transcripts.xml'))!;
      const before = (await app.store.episodesByFeed(feed.id)).length;
      expect(before).toBe(published.length);
      const results = await pollFeeds(app, { all: true });
      expect(results.find((r) => r.feedId === feed.id)?.status).toBe('not_modified');
      expect((await app.store.episodesByFeed(feed.id)).length).toBe(before);
    });

    it.skipIf(skip)('extracts grounded insights from published transcripts and falls back to show notes', async () => {
      const results = await processEpisodes(app, { sinceDays: 1 });
      expect(results.filter((r) => r.status === 'extracted').length).toBeGreaterThan(published.length);
      const feed = (await app.store.listFeeds()).find((f) => f.url.endsWith('/transcripts.xml'))!;
      for (const episode of await app.store.episodesByFeed(feed.id)) {
        const transcript = await app.store.transcriptByEpisode(episode.id);
        expect(transcript?.source.startsWith('published:')).toBe(true);
      }
      const pc20 = (await app.store.listFeeds()).find((f) => f.url.endsWith('/pc20.xml'))!;
      const [first] = await app.store.episodesByFeed(pc20.id);
      expect((await app.store.transcriptByEpisode(first!.id))?.source).toBe('shownotes');
      // Insights from show notes say so, all the way to the brief.
      const fromNotes = (await app.store.insightsSince(new Date(0))).filter((i) => i.feedId === pc20.id);
      expect(fromNotes.length).toBeGreaterThan(0);
      expect(fromNotes.every((i) => i.fromShowNotes === true)).toBe(true);
      expect(
        (await app.store.insightsSince(new Date(0))).filter((i) => i.feedId === feed.id).some((i) => i.fromShowNotes),
      ).toBe(false);
    });

    it.skipIf(skip)(
      'sends one brief of grounded insights, one per show, with one-click unsubscribe, and nothing on a second run',
      async () => {
        const first = await deliverBriefs(app, { ignoreHour: true });
        expect(first).toHaveLength(1);
        expect(first[0]?.send, JSON.stringify(first[0]?.send)).toMatchObject({ status: 'sent' });
        expect(smtp.messages).toHaveLength(1);

        const mail = smtp.messages[0]!;
        expect(mail.to).toEqual(['reader@example.com']);
        // Read from the raw (unfolded) message: mailparser turns List-* headers into objects.
        const rawHeaders = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
        expect(rawHeaders).toMatch(/^List-Unsubscribe: <https:\/\/brief\.example\/unsubscribe\?u=\d+&t=[\w-]+>/m);
        expect(rawHeaders).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
        expect(mail.parsed.html).toBeTruthy();
        expect(mail.parsed.text).toBeTruthy();

        const brief = await app.store.briefById(first[0]!.briefId!);
        // Three shows have insights (transcripts, pc20, lautsprecher): one item each.
        const shows = new Set((await app.store.insightsSince(new Date(0))).map((i) => i.feedId));
        expect(shows.size).toBe(3);
        expect(brief?.items).toHaveLength(shows.size);
        for (const item of brief!.items) {
          const stored = (await app.store.insightsSince(new Date(0))).find((i) => i.id === item.insightId)!;
          const transcript = await app.store.transcriptByEpisode(stored.episodeId);
          expect(normalizeForMatch(transcriptText(transcript!))).toContain(normalizeForMatch(item.quote));
          expect(mail.parsed.text).toContain(item.headline);
          for (const r of item.related)
            expect((await app.store.insightsSince(new Date(0))).find((i) => i.id === r.insightId)?.episodeId).not.toBe(
              stored.episodeId,
            );
        }
        // Related insights come from other episodes and never repeat one of the day's five.
        const inBrief = new Set(brief!.items.map((i) => i.insightId));
        for (const item of brief!.items) for (const r of item.related) expect(inBrief.has(r.insightId)).toBe(false);
        // Different shows, and related items never from the item's own show.
        expect(new Set(brief!.items.map((i) => i.podcastTitle)).size).toBe(brief!.items.length);
        for (const item of brief!.items)
          for (const r of item.related) expect(r.podcastTitle).not.toBe(item.podcastTitle);

        const second = await deliverBriefs(app, { ignoreHour: true });
        expect(second[0]?.send).toMatchObject({ status: 'skipped', reason: 'already_sent' });
        expect(smtp.messages).toHaveLength(1);
      },
    );
  },
);
