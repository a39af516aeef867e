import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.srt': 'application/srt; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface DemoServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the bundled demo folder on 127.0.0.1, filling in `{{BASE}}` with its own origin and
 * `{{DATE-n}}` with the RFC 822 date n days ago, so the sample episodes are always fresh.
 * Answers conditional GETs like a real feed host.
 */
export function startDemoServer(root: string, now: () => Date = () => new Date()): Promise<DemoServer> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(root, path);
    if (!file.startsWith(root + sep)) return void res.writeHead(400).end();
    let body: string;
    try {
      body = fill(await readFile(file, 'utf8'), origin, now());
    } catch {
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', etag }).end(body);
  });
  let origin = '';
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ origin, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

function fill(text: string, origin: string, now: Date): string {
  // Whole hours, so the bytes (and the ETag) stay the same between polls.
  const lastHour = Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 3_600_000;
  return text
    .replaceAll('{{BASE}}', origin)
    .replace(/\{\{DATE-(\d+)\}\}/g, (_, days: string) => new Date(lastHour - Number(days) * 86_400_000).toUTCString());
}
