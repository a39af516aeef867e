import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partBytes, sendThenDrop } from '../../test/net/drop-once-saved.js';
import { fetchFailure } from '../../test/net/fetch-failure.js';
import { startLocalServer, type LocalServer } from '../../test/net/local-server.js';
import { safeDownload, type DownloadOptions } from './index.js';

const local: DownloadOptions = { allowPrivateNetworks: true, timeoutMs: 5_000, idleTimeoutMs: 2_000 };
const servers: LocalServer[] = [];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podbrief-download-'));
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const s = await startLocalServer(handler);
  servers.push(s);
  return s;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

interface FileServerOptions {
  /** Close the socket after this many body bytes on the first request only. */
  cutFirstAt?: number;
  ranges?: boolean;
  etag?: string;
}

/** Serves `body` like a static file host: ETag, Accept-Ranges, 206 for `Range` when If-Range still matches. */
function fileHandler(body: Buffer, o: FileServerOptions = {}) {
  let served = 0;
  return (req: IncomingMessage, res: ServerResponse): void => {
    served++;
    const etag = o.etag ?? '"v1"';
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    if (o.ranges !== false && range && (!ifRange || ifRange === etag)) {
      const start = Number(range[1]);
      if (start >= body.length) {
        res.writeHead(416, { 'content-range': `bytes */${body.length}` });
        return void res.end();
      }
      res.writeHead(206, {
        etag,
        'content-type': 'audio/mpeg',
        'content-length': body.length - start,
        'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
      });
      return void res.end(body.subarray(start));
    }
    res.writeHead(200, { etag, 'content-type': 'audio/mpeg', 'content-length': body.length, 'accept-ranges': 'bytes' });
    if (served === 1 && o.cutFirstAt !== undefined) {
      return void sendThenDrop(res, body, o.cutFirstAt, () => partBytes(dir));
    }
    res.end(body);
  };
}

describe('safeDownload', () => {
  it('streams the file to disk with its sha256 and progress, leaving no part behind', async () => {
    const body = randomBytes(300_000);
    const s = await serve(fileHandler(body));
    const seen: number[] = [];
    const dest = join(dir, 'a', 'episode.mp3');
    const r = await safeDownload(`${s.url}/ep.mp3`, dest, { ...local, onProgress: (n) => seen.push(n) });
    expect(r).toMatchObject({
      path: dest,
      bytes: body.length,
      sha256: sha256(body),
      resumedFrom: 0,
      contentType: 'audio/mpeg',
    });
    expect((await readFile(dest)).equals(body)).toBe(true);
    expect(seen.at(-1)).toBe(body.length);
    expect(existsSync(`${dest}.part`)).toBe(false);
    expect(s.requests[0]?.headers['accept-encoding']).toBe('identity');
  });

  it('resumes an interrupted download with Range and If-Range, and pays only for the rest', async () => {
    const body = randomBytes(400_000);
    const s = await serve(fileHandler(body, { cutFirstAt: 150_000 }));
    const dest = join(dir, 'episode.mp3');
    const err = await fetchFailure(safeDownload(`${s.url}/ep.mp3`, dest, local));
    expect(['truncated_body', 'connection_failed']).toContain(err.code);
    expect((await stat(`${dest}.part`)).size).toBe(150_000);
    const r = await safeDownload(`${s.url}/ep.mp3`, dest, local);
    expect(r.resumedFrom).toBe(150_000);
    expect(r.sha256).toBe(sha256(body));
    expect((await readFile(dest)).equals(body)).toBe(true);
    expect(s.requests[1]?.headers.range).toBe('bytes=150000-');
    expect(s.requests[1]?.headers['if-range']).toBe('"v1"');
  });

  it('starts over when the file changed since the part was written (If-Range mismatch)', async () => {
    const first = randomBytes(200_000);
    const changed = randomBytes(120_000);
    let handler = fileHandler(first, { cutFirstAt: 50_000 });
    const s = await serve((req, res) => handler(req, res));
    const dest = join(dir, 'episode.mp3');
    await fetchFailure(safeDownload(s.url, dest, local));
    handler = fileHandler(changed, { etag: '"v2"' });
    const r = await safeDownload(s.url, dest, local);
    expect(s.requests[1]?.headers['if-range']).toBe('"v1"');
    expect(r).toMatchObject({ resumedFrom: 0, bytes: changed.length, sha256: sha256(changed) });
  });

  it('finishes a part that was already whole when the process stopped (416 with the full length)', async () => {
    const body = randomBytes(50_000);
    const s = await serve(fileHandler(body));
    const dest = join(dir, 'whole.mp3');
    await writeFile(`${dest}.part`, body);
    await writeFile(`${dest}.part.json`, JSON.stringify({ url: s.url, etag: '"v1"', total: body.length }));
    const r = await safeDownload(s.url, dest, local);
    expect(s.requests[0]?.headers.range).toBe(`bytes=${body.length}-`);
    expect(r).toMatchObject({ bytes: body.length, sha256: sha256(body) });
    expect((await readFile(dest)).equals(body)).toBe(true);
  });

  it('treats a 200 answer to a Range request as a fresh copy', async () => {
    const body = randomBytes(200_000);
    let calls = 0;
    const s = await serve((_req, res) => {
      calls++;
      res.writeHead(200, { etag: '"v1"', 'content-length': body.length });
      if (calls === 1) return void sendThenDrop(res, body, 70_000, () => partBytes(dir));
      res.end(body);
    });
    const dest = join(dir, 'x.mp3');
    await fetchFailure(safeDownload(s.url, dest, local));
    const r = await safeDownload(s.url, dest, local);
    expect(s.requests[1]?.headers.range).toBe('bytes=70000-');
    expect(r).toMatchObject({ resumedFrom: 0, bytes: body.length, sha256: sha256(body) });
  });

  it('refuses a declared size over the cap before reading, and removes what it wrote', async () => {
    const s = await serve(fileHandler(randomBytes(100_000)));
    const dest = join(dir, 'big.mp3');
    const err = await fetchFailure(safeDownload(s.url, dest, { ...local, maxBytes: 50_000 }));
    expect(err.code).toBe('response_too_large');
    expect(err.message).toContain('100000 bytes exceeds the 50000-byte limit');
    expect(existsSync(dest) || existsSync(`${dest}.part`)).toBe(false);
  });

  it('stops an undeclared endless body at the cap', async () => {
    const chunk = Buffer.alloc(64 * 1024, 1);
    const s = await serve((_req, res) => {
      res.writeHead(200, { etag: '"e"' });
      const pump = (): void => {
        while (res.write(chunk)) {
          /* keep the socket full */
        }
      };
      res.on('drain', pump);
      pump();
    });
    const dest = join(dir, 'endless.mp3');
    const err = await fetchFailure(safeDownload(s.url, dest, { ...local, maxBytes: 1024 * 1024 }));
    expect(err.code).toBe('response_too_large');
    expect(existsSync(`${dest}.part`)).toBe(false);
  });

  it('times out a stalled body and keeps the part for later', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { etag: '"s"', 'content-length': 100_000 });
      res.write(Buffer.alloc(10_000));
    });
    const dest = join(dir, 'stall.mp3');
    const err = await fetchFailure(safeDownload(s.url, dest, { ...local, idleTimeoutMs: 300 }));
    expect(err.code).toBe('timeout');
    expect((await stat(`${dest}.part`)).size).toBe(10_000);
  });

  it('follows redirects and maps HTTP errors like safeFetch', async () => {
    const body = randomBytes(1000);
    const s = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(302, { location: '/new' });
        return void res.end();
      }
      if (req.url === '/gone') {
        res.writeHead(404);
        return void res.end();
      }
      fileHandler(body)(req, res);
    });
    const r = await safeDownload(`${s.url}/old`, join(dir, 'r.mp3'), local);
    expect(r.url).toBe(`${s.url}/new`);
    const err = await fetchFailure(safeDownload(`${s.url}/gone`, join(dir, 'g.mp3'), local));
    expect(err.code).toBe('http_404');
  });

  it('refuses loopback addresses unless private networks are allowed, before dialling', async () => {
    const s = await serve(fileHandler(Buffer.from('x')));
    const err = await fetchFailure(safeDownload(s.url, join(dir, 'n.mp3'), { timeoutMs: 2_000 }));
    expect(err.code).toBe('blocked_private_network');
    expect(s.connections()).toBe(0);
  });
});
