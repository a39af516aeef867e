import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const demoTranscripts = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'demo', 'transcripts');

const TYPES: Record<string, string> = {
  '.vtt': 'text/vtt',
  '.srt': 'application/srt',
  '.json': 'application/json',
  '.html': 'text/html',
};

export interface FeedFarmOptions {
  feeds: number;
  episodesPerFeed?: number;
  /** Added to every response, as a far-away host would. */
  delayMs?: number;
}

export interface FeedFarm {
  origin: string;
  feedUrls: string[];
  /** Requests per feed path (`/feeds/7.xml`), counted as they arrive. */
  feedRequests: Map<string, number>;
  transcriptRequests: number;
  /** Feed requests arrived but not answered yet (held by `hold`). */
  readonly pendingFeeds: number;
  /** While on, feed requests are not answered until `release()`. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/**
 * A host of many small podcast feeds on 127.0.0.1 for scale tests and benchmarks: feed i has
 * `episodesPerFeed` fresh episodes, each linking a transcript (the bundled demo transcripts, so no
 * corpus is needed). Feeds answer conditional GETs with 304, as real hosts do.
 */
export async function startFeedFarm(opts: FeedFarmOptions): Promise<FeedFarm> {
  const transcripts = readdirSync(demoTranscripts)
    .filter((f) => TYPES[extname(f)])
    .sort()
    .map((f) => ({ body: readFileSync(join(demoTranscripts, f), 'utf8'), type: TYPES[extname(f)]!, ext: extname(f) }));
  const perFeed = opts.episodesPerFeed ?? 1;
  const published = Date.now() - 3_600_000;
  const feedRequests = new Map<string, number>();
  let transcriptRequests = 0;
  let held: (() => void)[] | undefined;
  let pendingFeeds = 0;
  let origin = '';

  const feedXml = (i: number) => {
    const items = Array.from({ length: perFeed }, (_, j) => {
      const t = transcripts[(i * perFeed + j) % transcripts.length]!;
      const date = new Date(published - j * 86_400_000).toUTCString();
      return `<item><guid isPermaLink="false">farm-${i}-${j}</guid><title>Show ${i} episode ${j}</title><pubDate>${date}</pubDate><description>Episode ${j} of show ${i}.</description><enclosure url="${origin}/audio/${i}/${j}.mp3" type="audio/mpeg" length="1000"/><podcast:transcript url="${origin}/transcripts/${i}/${j}${t.ext}" type="${t.type}" language="en"/></item>`;
    }).join('');
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Farm show ${i}</title><link>${origin}/</link><description>Show ${i} of the farm.</description><language>en</language>${items}</channel></rss>`;
  };

  const answer = (res: ServerResponse, status: number, type: string, body: string, etag?: string) => {
    const send = () => res.writeHead(status, { 'content-type': type, ...(etag && { etag }) }).end(body);
    if (opts.delayMs) setTimeout(send, opts.delayMs);
    else send();
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const feed = /^\/feeds\/(\d+)\.xml$/.exec(path);
    if (feed) {
      feedRequests.set(path, (feedRequests.get(path) ?? 0) + 1);
      const etag = `"farm-${feed[1]}"`;
      const reply = () => {
        if (req.headers['if-none-match'] === etag) answer(res, 304, 'text/plain', '', etag);
        else answer(res, 200, 'application/rss+xml', feedXml(Number(feed[1])), etag);
      };
      if (!held) return reply();
      pendingFeeds += 1;
      held.push(() => {
        pendingFeeds -= 1;
        reply();
      });
      return;
    }
    const transcript = /^\/transcripts\/(\d+)\/(\d+)\.\w+$/.exec(path);
    if (transcript) {
      transcriptRequests += 1;
      const t = transcripts[(Number(transcript[1]) * perFeed + Number(transcript[2])) % transcripts.length]!;
      return answer(res, 200, t.type, t.body);
    }
    answer(res, 404, 'text/plain', 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    feedUrls: Array.from({ length: opts.feeds }, (_, i) => `${origin}/feeds/${i}.xml`),
    feedRequests,
    get transcriptRequests() {
      return transcriptRequests;
    },
    get pendingFeeds() {
      return pendingFeeds;
    },
    hold() {
      held ??= [];
    },
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const reply of waiting) reply();
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
