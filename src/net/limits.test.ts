import { createServer as createNetServer, type Socket } from 'node:net';
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
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

describe('safeFetch: limits', () => {
  it('aborts a slow-drip body at the total deadline with timeout', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write('<rss>');
      const drip = setInterval(() => res.write('x'), 100);
      res.on('close', () => clearInterval(drip));
    });
    const started = Date.now();
    const err = await fetchFailure(safeFetch(s.url, { ...local, timeoutMs: 600 }));
    expect(err.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('times out when the server accepts but never answers', async () => {
    const s = await serve(() => {});
    const err = await fetchFailure(safeFetch(s.url, { ...local, timeoutMs: 400 }));
    expect(err.code).toBe('timeout');
  });

  it('stops an endless body at the byte cap with response_too_large', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const s = await serve((_req, res) => {
      res.writeHead(200);
      const pump = (): void => {
        while (res.write(chunk)) {
          /* keep the socket full */
        }
      };
      res.on('drain', pump);
      pump();
    });
    const err = await fetchFailure(safeFetch(s.url, { ...local, maxBytes: 1024 * 1024 }));
    expect(err.code).toBe('response_too_large');
  });

  it('refuses a declared Content-Length above the cap without reading it', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write('x');
    });
    expect((await fetchFailure(safeFetch(s.url, { ...local, maxBytes: 1024 }))).code).toBe('response_too_large');
  });

  it.each([
    ['gzip', gzipSync],
    ['br', (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })],
  ] as const)('stops a %s bomb once the decompressed size passes the cap', async (coding, compress) => {
    const bomb = compress(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': coding, 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const err = await fetchFailure(safeFetch(s.url, { ...local, maxBytes: 2 * 1024 * 1024 }));
    expect(err.code).toBe('response_too_large');
  });

  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
  ] as const)('decodes a %s body', async (coding, compress) => {
    const text = '<rss>'.padEnd(10_000, 'é') + '</rss>';
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': coding });
      res.end(compress(Buffer.from(text)));
    });
    expect((await safeFetch(s.url, local)).body.toString()).toBe(text);
  });

  it('refuses stacked encodings with unsupported_encoding', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip, gzip' });
      res.end(gzipSync(gzipSync('hi')));
    });
    expect((await fetchFailure(safeFetch(s.url, local))).code).toBe('unsupported_encoding');
  });

  it('reports a body cut short of its Content-Length as truncated_body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('short');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    expect((await fetchFailure(safeFetch(s.url, local))).code).toBe('truncated_body');
  });

  it('maps an oversized header to http_protocol_error', async () => {
    const raw = createNetServer((socket: Socket) => {
      socket.on('error', () => {});
      socket.once('data', () => socket.end(`HTTP/1.1 200 OK\r\nx-big: ${'a'.repeat(100_000)}\r\n\r\nhi`));
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    const { port } = raw.address() as { port: number };
    try {
      expect((await fetchFailure(safeFetch(`http://127.0.0.1:${port}/`, local))).code).toBe('http_protocol_error');
    } finally {
      raw.close();
    }
  });

  it('maps a refused connection to connection_failed', async () => {
    const s = await serve(() => {});
    const url = s.url;
    await s.close();
    expect((await fetchFailure(safeFetch(url, local))).code).toBe('connection_failed');
  });
});

describe('safeFetch: URL checks', () => {
  it.each([
    'file:///etc/passwd',
    'ftp://example.com/feed',
    'gopher://example.com/',
    'data:text/plain,hi',
    'javascript:alert(1)',
  ])('rejects %s with unsupported_scheme', async (url) => {
    expect((await fetchFailure(safeFetch(url))).code).toBe('unsupported_scheme');
  });

  it('rejects garbage with invalid_url', async () => {
    expect((await fetchFailure(safeFetch('not a url'))).code).toBe('invalid_url');
  });

  it('never shows URL credentials in errors, but sends them as Basic auth', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(404);
      res.end();
    });
    const err = await fetchFailure(safeFetch(`http://alice:secret@127.0.0.1:${s.port}/private.xml`, local));
    expect(err.message).not.toContain('secret');
    expect(err.message).toContain(`127.0.0.1:${s.port}/private.xml`);
    expect(s.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('alice:secret').toString('base64')}`);
    const bad = await fetchFailure(safeFetch('http://alice:secret@[bad/'));
    expect(bad.message).not.toContain('secret');
  });
});
