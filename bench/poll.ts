/**
 * Polling: `podbrief poll --all` over N feeds (2,000 by default) served by a local HTTP server in a
 * child process, twice: the first pass gets 200s with feed bodies (real corpus feeds when ../shared is
 * there; every feed new: parse, store the newest FIRST_POLL_EPISODES), the second conditional requests answered 304. Feeds/s for each pass,
 * bytes on the wire (both ways, counted by the server), peak RSS of this process (the server's is not
 * counted), and the ratio. Part of `npm run bench:feeds`; alone:
 *   npx tsx bench/poll.ts [--feeds 2000 --items 40 --concurrency 16]
 * Set DATABASE_URL to a PostgreSQL URL to poll into PostgreSQL instead of a temp SQLite file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import { generateFeed } from '../src/feeds/parse/test-support/generate-feed.js';
import { pollFeeds } from '../src/jobs/index.js';
import { corpusPath, hasCorpus } from '../test/corpus.js';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? (process.argv[at + 1] as string) : fallback;
};
const FEEDS = Number(arg('feeds', '2000'));
const ITEMS = Number(arg('items', '40'));
const CONCURRENCY = arg('concurrency', '16');

/**
 * Feed bodies: the real feeds of ../shared/corpus/feeds/real in turn (feed n gets file n mod their
 * number), else generated feeds of about the corpus' median size (86 KB, 40 items) with their own
 * titles, GUIDs and weekly dates.
 */
function feedBodies(): (n: number) => Buffer {
  if (hasCorpus) {
    const dir = corpusPath('feeds', 'real');
    const files = readdirSync(dir)
      .sort()
      .map((f) => readFileSync(join(dir, f)));
    return (n) => files[n % files.length] as Buffer;
  }
  const template = generateFeed({ items: ITEMS, notesWords: 60 }).toString('utf8');
  return (n) => {
    let item = 0;
    const text = template
      .replace('Generated Show', `Show ${n}`)
      .replaceAll('gen-', `show-${n}-`)
      .replace(
        /<pubDate>[^<]*<\/pubDate>/g,
        () => `<pubDate>${new Date(Date.UTC(2026, 0, 1) - item++ * 7 * 86_400_000).toUTCString()}</pubDate>`,
      );
    return Buffer.from(text);
  };
}

/** The feed server: /feed/<n>.xml, each with its own ETag; /stats: bytes and requests so far. */
async function serve(): Promise<void> {
  const body = feedBodies();
  const bodies = new Map<number, { body: Buffer; etag: string }>();
  const feed = (n: number) => {
    let served = bodies.get(n);
    if (!served) {
      served = { body: body(n), etag: `"feed-${n}-v1"` };
      bodies.set(n, served);
    }
    return served;
  };
  let bytesIn = 0;
  let bytesOut = 0;
  let requests = 0;
  const live = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/stats') {
      let inNow = bytesIn;
      let outNow = bytesOut;
      for (const s of live) {
        inNow += s.bytesRead;
        outNow += s.bytesWritten;
      }
      return void res.end(JSON.stringify({ bytesIn: inNow, bytesOut: outNow, requests }));
    }
    requests += 1;
    const n = Number(/^\/feed\/(\d+)\.xml$/.exec(path)?.[1] ?? Number.NaN);
    if (!Number.isInteger(n)) return void res.writeHead(404).end();
    const { body, etag } = feed(n);
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'content-length': body.length }).end(body);
  });
  server.on('connection', (s) => {
    live.add(s);
    s.on('close', () => {
      live.delete(s);
      bytesIn += s.bytesRead;
      bytesOut += s.bytesWritten;
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
}

if (process.argv.includes('--server')) {
  await serve();
} else {
  await bench();
}

async function startServer(): Promise<{ origin: string; stats(): Promise<Stats>; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--server', '--items', String(ITEMS)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /listening (\d+)/.exec(chunk.toString());
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`feed server exited (${code})`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    stats: async () => (await (await fetch(`${origin}/stats`)).json()) as Stats,
    stop: () => child.kill(),
  };
}

interface Stats {
  bytesIn: number;
  bytesOut: number;
  requests: number;
}

async function bench(): Promise<void> {
  const server = await startServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-bench-poll-'));
  const app = await createApp(
    loadConfig({
      env: {
        DATA_DIR: dataDir,
        DATABASE_URL: process.env.DATABASE_URL ?? '',
        ALLOW_PRIVATE_NETWORKS: 'true',
        LOG_LEVEL: 'error',
        // One local host serves every feed: the per-host politeness limit would measure only itself.
        POLL_CONCURRENCY: CONCURRENCY,
        POLL_PER_HOST_CONCURRENCY: CONCURRENCY,
      },
    }),
  );
  try {
    for (let n = 0; n < FEEDS; n++) await app.store.addFeed(`${server.origin}/feed/${n}.xml`);
    let peakRss = process.memoryUsage.rss();
    let peakHeap = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed + m.external);
    }, 10);
    const pass = async () => {
      const before = await server.stats();
      const started = performance.now();
      const results = await pollFeeds(app, { all: true });
      const seconds = (performance.now() - started) / 1000;
      const after = await server.stats();
      const statuses = new Map<string, number>();
      for (const r of results) {
        const key = r.status === 'failed' ? `failed (${r.code})` : r.status;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
      return {
        seconds,
        rate: results.length / seconds,
        bytes: after.bytesOut - before.bytesOut + (after.bytesIn - before.bytesIn),
        statuses: [...statuses].map(([s, c]) => `${c} ${s}`).join(', '),
        peakRss,
        peakHeap,
      };
    };
    const first = await pass();
    const second = await pass();
    clearInterval(sampler);
    const episodes = (await app.store.statusCounts()).episodes;
    const mb = (b: number) => (b / 1e6).toFixed(1);
    console.log(
      `\npolling ${FEEDS} feeds (${hasCorpus ? 'the real corpus feeds in turn' : `generated, ${ITEMS} items each`}) from a local server, POLL_CONCURRENCY=${CONCURRENCY} (per host too), ${app.config.databaseUrl ? 'PostgreSQL' : 'SQLite'}`,
    );
    console.log(
      'pass                     feeds/s   time s   MB on the wire   peak RSS MB   peak heap+external MB   results',
    );
    for (const [name, p] of [
      ['1: 200s, parse + store', first],
      ['2: conditional, 304s', second],
    ] as const) {
      console.log(
        `${name.padEnd(24)} ${p.rate.toFixed(0).padStart(8)} ${p.seconds.toFixed(2).padStart(8)} ${mb(p.bytes).padStart(16)} ${mb(p.peakRss).padStart(13)} ${mb(p.peakHeap).padStart(23)}   ${p.statuses}`,
      );
    }
    console.log(
      `second pass ${(second.rate / first.rate).toFixed(1)}× the first's feeds/s (goal ≥ 10×); ${episodes.new} episodes stored`,
    );
  } finally {
    await app.close();
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
