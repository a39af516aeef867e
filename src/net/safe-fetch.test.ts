import { afterEach, describe, expect, it } from 'vitest';
import { fetchFailure } from '../../test/net/fetch-failure.js';
import { startLocalServer, type LocalServer } from '../../test/net/local-server.js';
import { safeFetch, type FetchOptions } from './index.js';

const local: FetchOptions = { allowPrivateNetworks: true, timeoutMs: 5_000 };
const servers: LocalServer[] = [];

async function serve(handler: Parameters<typeof startLocalServer>[0]): Promise<LocalServer> {
  const s = await startLocalServer(handler);
  servers.push(s);
  return s;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('safeFetch: responses', () => {
  it('returns body, headers and the default User-Agent on 200', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v1"',
        'last-modified': 'Tue, 01 Oct 2024 10:00:00 GMT',
      });
      res.end('<rss/>');
    });
    const r = await safeFetch(`${s.url}/feed.xml`, local);
    expect(r.status).toBe(200);
    expect(r.notModified).toBe(false);
    expect(r.body.toString()).toBe('<rss/>');
    expect(r.contentType).toBe('application/rss+xml');
    expect(r.etag).toBe('"v1"');
    expect(r.lastModified).toBe('Tue, 01 Oct 2024 10:00:00 GMT');
    expect(r.url).toBe(`${s.url}/feed.xml`);
    expect(r.redirects).toEqual([]);
    expect(s.requests[0]?.headers['user-agent']).toBe('Podbrief/0.1 (+https://github.com/podbrief/podbrief)');
  });

  it('sends If-None-Match / If-Modified-Since and reports 304 as notModified', async () => {
    const s = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        return res.end();
      }
      res.writeHead(200, { etag: '"v1"' });
      res.end('fresh');
    });
    const first = await safeFetch(s.url, local);
    expect(first.notModified).toBe(false);
    const second = await safeFetch(s.url, {
      ...local,
      etag: first.etag ?? null,
      lastModified: 'Tue, 01 Oct 2024 10:00:00 GMT',
    });
    expect(second).toMatchObject({ status: 304, notModified: true });
    expect(second.body.length).toBe(0);
    expect(s.requests[1]?.headers['if-modified-since']).toBe('Tue, 01 Oct 2024 10:00:00 GMT');
  });

  it.each([404, 410, 500])('maps HTTP %i to http_%i with the status', async (status) => {
    const s = await serve((_req, res) => {
      res.writeHead(status);
      res.end('nope');
    });
    const err = await fetchFailure(safeFetch(`${s.url}/gone.xml`, local));
    expect(err.code).toBe(`http_${status}`);
    expect(err.status).toBe(status);
    expect(err.message).toBe(`${s.url}/gone.xml: server answered HTTP ${status}`);
  });

  it('returns error responses instead of throwing when throwHttpErrors is false', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"error":"bad"}');
    });
    const r = await safeFetch(s.url, { ...local, throwHttpErrors: false });
    expect(r.status).toBe(400);
    expect(r.body.toString()).toBe('{"error":"bad"}');
  });

  it('maps 429 to rate_limited with retryAfterSeconds', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end();
    });
    const err = await fetchFailure(safeFetch(s.url, local));
    expect(err.code).toBe('rate_limited');
    expect(err.retryAfterSeconds).toBe(120);
    expect(err.status).toBe(429);
  });

  it('maps a Cloudflare challenge to blocked_by_challenge', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(403, { 'cf-mitigated': 'challenge', 'content-type': 'text/html' });
      res.end('<html>Just a moment...</html>');
    });
    expect((await fetchFailure(safeFetch(s.url, local))).code).toBe('blocked_by_challenge');
  });

  it('rejects a 200 with an empty body as empty_body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200);
      res.end();
    });
    expect((await fetchFailure(safeFetch(s.url, local))).code).toBe('empty_body');
  });

  it('sends POST bodies', async () => {
    let received = '';
    const s = await serve((req, res) => {
      req.setEncoding('utf8');
      req.on('data', (d: string) => (received += d));
      req.on('end', () => res.end('ok'));
    });
    const r = await safeFetch(s.url, {
      ...local,
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.body.toString()).toBe('ok');
    expect(received).toBe('{"a":1}');
    expect(s.requests[0]?.method).toBe('POST');
  });
});

describe('safeFetch: redirects', () => {
  it('follows a chain and reports every hop and the final URL', async () => {
    const s = await serve((req, res) => {
      const hops: Record<string, [number, string]> = { '/a': [301, '/b'], '/b': [302, 'c'], '/c': [307, '/final'] };
      const hop = hops[req.url ?? ''];
      if (hop) {
        res.writeHead(hop[0], { location: hop[1] });
        return res.end();
      }
      res.end('done');
    });
    const r = await safeFetch(`${s.url}/a`, local);
    expect(r.body.toString()).toBe('done');
    expect(r.url).toBe(`${s.url}/final`);
    expect(r.redirects).toEqual([
      { url: `${s.url}/a`, status: 301 },
      { url: `${s.url}/b`, status: 302 },
      { url: `${s.url}/c`, status: 307 },
    ]);
  });

  it('stops a redirect loop with too_many_redirects after maxRedirects hops', async () => {
    const s = await serve((req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' });
      res.end();
    });
    const started = Date.now();
    const err = await fetchFailure(safeFetch(`${s.url}/a`, local));
    expect(err.code).toBe('too_many_redirects');
    expect(s.requests.length).toBe(11);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    });
    expect((await fetchFailure(safeFetch(s.url, local))).code).toBe('unsupported_scheme');
  });

  it('drops Authorization when a redirect leaves the origin', async () => {
    const other = await serve((_req, res) => res.end('elsewhere'));
    const s = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.url}/x` });
      res.end();
    });
    await safeFetch(`${s.url}/cross`, { ...local, headers: { authorization: 'Bearer t0ken' } });
    expect(s.requests[0]?.headers.authorization).toBe('Bearer t0ken');
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('turns a POST into a GET on 303', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/submit') {
        res.writeHead(303, { location: '/result' });
        return res.end();
      }
      res.end(req.method);
    });
    const r = await safeFetch(`${s.url}/submit`, { ...local, method: 'POST', body: 'x=1' });
    expect(r.body.toString()).toBe('GET');
  });

  it('keeps the connection alive for the next request to the same origin', async () => {
    const s = await serve((_req, res) => res.end('ok'));
    for (let i = 0; i < 10; i++) expect((await safeFetch(`${s.url}/feed/${i}`, local)).body.toString()).toBe('ok');
    // The pool may dial a second one while the first is still being handed back; never one per request.
    expect(s.connections()).toBeLessThanOrEqual(2);
  });
});
