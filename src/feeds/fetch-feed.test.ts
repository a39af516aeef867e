import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import { startLocalServer, type LocalServer } from '../../test/net/local-server.js';
import { AppError } from '../model/errors.js';
import type { FetchOptions } from '../net/index.js';
import { fetchFeed } from './index.js';

const haveCorpus = requireCorpus();
const local: FetchOptions = { allowPrivateNetworks: true, timeoutMs: 10_000 };

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}

describe.skipIf(!haveCorpus)('fetchFeed against a local server', () => {
  let server: LocalServer;
  let feedBytes: Buffer;
  const etag = '"pc20-v1"';

  beforeAll(async () => {
    feedBytes = haveCorpus
      ? readFileSync(corpusPath('feeds', 'real', 'partytime__podcasting20-pc20rss.xml'))
      : Buffer.alloc(0);
    server = await startLocalServer((req, res) => {
      switch (req.url) {
        case '/feed.xml':
          if (req.headers['if-none-match'] === etag) {
            res.writeHead(304, { etag });
            return res.end();
          }
          res.writeHead(200, {
            'content-type': 'application/rss+xml',
            etag,
            'cache-control': 'max-age=1800',
            'content-encoding': 'gzip',
          });
          return res.end(gzipSync(feedBytes));
        case '/moved':
          res.writeHead(301, { location: '/feed.xml' });
          return res.end();
        case '/page.html':
          res.writeHead(200, { 'content-type': 'text/html' });
          return res.end('<!DOCTYPE html><html><body>Parked domain</body></html>');
        case '/cover.jpg':
          res.writeHead(200, { 'content-type': 'image/jpeg' });
          return res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
        case '/broken.xml':
          res.writeHead(200, { 'content-type': 'application/xml' });
          return res.end('<rss version="2.0"><chan');
        case '/busy.xml':
          res.writeHead(429, { 'retry-after': '600' });
          return res.end();
        default:
          res.writeHead(404);
          return res.end('not here');
      }
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('parses on the first fetch and gets notModified with the returned etag', async () => {
    const first = await fetchFeed(`${server.url}/feed.xml`, {}, local);
    if (first.notModified) throw new Error('first fetch cannot be notModified');
    expect(first.feed.title).toBe('Podcasting 2.0');
    expect(first.feed.episodes).toHaveLength(56);
    expect(first.etag).toBe(etag);
    expect(first.cacheMaxAgeSeconds).toBe(1800);
    expect(first.contentHash).toBe(createHash('sha256').update(feedBytes).digest('hex'));
    expect(first.finalUrl).toBe(`${server.url}/feed.xml`);

    const second = await fetchFeed(`${server.url}/feed.xml`, { etag: first.etag ?? null, lastModified: null }, local);
    expect(second.notModified).toBe(true);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe(etag);
    expect(server.requests.at(-1)?.headers.accept).toMatch(/application\/rss\+xml/);
  });

  it('reports redirects and the final URL', async () => {
    const res = await fetchFeed(`${server.url}/moved`, {}, local);
    expect(res.finalUrl).toBe(`${server.url}/feed.xml`);
    expect(res.redirects).toEqual([{ url: `${server.url}/moved`, status: 301 }]);
  });

  it('refuses an HTML page as not_a_feed, naming the URL', async () => {
    const err = await failure(fetchFeed(`${server.url}/page.html`, {}, local));
    expect(err.code).toBe('not_a_feed');
    expect(err.message).toContain(`${server.url}/page.html`);
  });

  it('refuses media by content type as not_a_feed', async () => {
    expect((await failure(fetchFeed(`${server.url}/cover.jpg`, {}, local))).code).toBe('not_a_feed');
  });

  it('maps 404 to http_404', async () => {
    expect((await failure(fetchFeed(`${server.url}/missing.xml`, {}, local))).code).toBe('http_404');
  });

  it('maps hopeless XML to invalid_feed', async () => {
    expect((await failure(fetchFeed(`${server.url}/broken.xml`, {}, local))).code).toBe('invalid_feed');
  });

  it('passes rate limiting through with its Retry-After', async () => {
    const err = await failure(fetchFeed(`${server.url}/busy.xml`, {}, local));
    expect(err.code).toBe('rate_limited');
    expect((err as AppError & { retryAfterSeconds?: number }).retryAfterSeconds).toBe(600);
  });

  it('refuses the local server when private networks are not allowed', async () => {
    const before = server.connections();
    const err = await failure(fetchFeed(`${server.url}/feed.xml`));
    expect(err.code).toBe('blocked_private_network');
    // What the poll records as the feed's last error names the setting that allows it.
    expect(err.message).toContain('set ALLOW_PRIVATE_NETWORKS=true');
    expect(server.connections()).toBe(before);
  });
});
