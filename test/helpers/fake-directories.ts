import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalHttp, type LocalHttp } from './local-http.js';

export const FAKE_PI_KEY = 'FAKEKEY123';
export const FAKE_PI_SECRET = 'fake$secret^value';

/** How a fake directory answers its next requests (each mode is read per request). */
type FakeMode =
  | 'ok'
  | 'error500'
  | 'malformed'
  | 'hang'
  | { rateLimitedOnce: number /* Retry-After seconds */ }
  | { status: number; body: string };

export interface FakeDirectories {
  origin: string;
  itunesUrl: string;
  podcastIndexUrl: string;
  itunesMode: FakeMode;
  piMode: FakeMode;
  /** Every request's URL and headers, per directory, in order, with the time it arrived. */
  itunesRequests: Array<{ url: URL; at: number }>;
  piRequests: Array<{ url: URL; headers: IncomingMessage['headers']; at: number }>;
  close(): Promise<void>;
}

const ITUNES_RESULTS = [
  {
    wrapperType: 'track',
    kind: 'podcast',
    collectionId: 101,
    collectionName: 'Shared Show',
    artistName: 'Ada Host',
    feedUrl: 'https://Feeds.Example.com:443/shared/',
    artworkUrl600: 'https://img.example.com/shared600.jpg',
    genres: ['Technology'],
    trackCount: 120,
  },
  {
    wrapperType: 'track',
    kind: 'podcast',
    collectionId: 102,
    collectionName: 'Only On iTunes',
    artistName: 'Ben',
    feedUrl: 'https://itunes-only.example.org/rss',
    artworkUrl600: 'https://img.example.com/only600.jpg',
    genres: ['News'],
    trackCount: 3,
  },
  { wrapperType: 'track', kind: 'podcast', collectionId: 103, collectionName: 'No Feed URL', artistName: 'X' },
];

const PI_FEEDS = [
  {
    id: 9001,
    title: 'Shared Show',
    url: 'http://feeds.example.com/shared',
    originalUrl: 'http://feeds.example.com/shared',
    author: 'Ada Host',
    image: 'https://img.example.com/pi-shared.jpg',
    artwork: 'https://img.example.com/pi-shared-art.jpg',
    categories: { '102': 'Technology' },
    episodeCount: 120,
  },
  {
    id: 9002,
    title: 'Only On Podcast Index',
    url: 'https://pi-only.example.net/feed.xml',
    originalUrl: 'https://pi-only.example.net/feed.xml',
    author: 'Cleo',
    image: '',
    artwork: 'https://img.example.com/pi-only.jpg',
    categories: null,
    episodeCount: 7,
  },
];

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Answers per `mode`; true when it answered (else the caller serves the normal answer). */
function misbehave(res: ServerResponse, mode: FakeMode, seen: number, setMode: (m: FakeMode) => void): boolean {
  if (mode === 'ok') return false;
  if (mode === 'error500') {
    res.writeHead(500, { 'content-type': 'text/html' }).end('<html>Internal Server Error</html>');
    return true;
  }
  if (mode === 'malformed') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"resultCount": 2, "results": [{"coll');
    return true;
  }
  if (mode === 'hang') return true; // never answers: the client's deadline must end it
  if ('rateLimitedOnce' in mode) {
    setMode('ok');
    json(
      res,
      429,
      { status: 'false', description: 'Too many requests' },
      { 'retry-after': String(mode.rateLimitedOnce) },
    );
    void seen;
    return true;
  }
  res.writeHead(mode.status, { 'content-type': 'application/json' }).end(mode.body);
  return true;
}

/** A fake iTunes Search API and a fake Podcast Index API on 127.0.0.1, both following their documented answers. */
export async function startFakeDirectories(): Promise<FakeDirectories> {
  const state = {
    itunesMode: 'ok' as FakeMode,
    piMode: 'ok' as FakeMode,
    itunesRequests: [] as FakeDirectories['itunesRequests'],
    piRequests: [] as FakeDirectories['piRequests'],
  };
  const http: LocalHttp = await startLocalHttp(() => ({
    '/search': (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      state.itunesRequests.push({ url, at: Date.now() });
      if (misbehave(res, state.itunesMode, state.itunesRequests.length, (m) => (state.itunesMode = m))) return;
      const term = url.searchParams.get('term') ?? '';
      if (url.searchParams.get('media') !== 'podcast' || url.searchParams.get('entity') !== 'podcast' || !term) {
        return json(res, 400, { errorMessage: 'Invalid value(s) for key(s): [media, entity, term]' });
      }
      const limit = Number(url.searchParams.get('limit') ?? '50');
      const results = ITUNES_RESULTS.slice(0, limit);
      json(res, 200, { resultCount: results.length, results });
    },
    '/api/1.0/search/byterm': (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      state.piRequests.push({ url, headers: req.headers, at: Date.now() });
      const key = String(req.headers['x-auth-key'] ?? '');
      const date = String(req.headers['x-auth-date'] ?? '');
      const auth = String(req.headers['authorization'] ?? '');
      if (!req.headers['user-agent']) return json(res, 401, { status: 'false', description: 'User-Agent required' });
      const expected = createHash('sha1')
        .update(FAKE_PI_KEY + FAKE_PI_SECRET + date)
        .digest('hex');
      const fresh = Math.abs(Number(date) - Date.now() / 1000) < 180;
      if (key !== FAKE_PI_KEY || auth !== expected || !fresh) {
        return json(res, 401, { status: 'false', description: "Authorization header doesn't match" });
      }
      if (misbehave(res, state.piMode, state.piRequests.length, (m) => (state.piMode = m))) return;
      const q = url.searchParams.get('q');
      if (!q) return json(res, 400, { status: 'false', description: 'No search terms specified.' });
      const max = Number(url.searchParams.get('max') ?? '10');
      const feeds = PI_FEEDS.slice(0, max);
      json(res, 200, { status: 'true', feeds, count: feeds.length, query: q, description: 'Found matching feeds.' });
    },
  }));
  return {
    origin: http.origin,
    itunesUrl: `${http.origin}/search`,
    podcastIndexUrl: `${http.origin}/api/1.0`,
    get itunesMode() {
      return state.itunesMode;
    },
    set itunesMode(m: FakeMode) {
      state.itunesMode = m;
    },
    get piMode() {
      return state.piMode;
    },
    set piMode(m: FakeMode) {
      state.piMode = m;
    },
    get itunesRequests() {
      return state.itunesRequests;
    },
    get piRequests() {
      return state.piRequests;
    },
    close: () => http.close(),
  };
}

export function resetFake(fake: FakeDirectories): void {
  fake.itunesMode = 'ok';
  fake.piMode = 'ok';
  fake.itunesRequests.length = 0;
  fake.piRequests.length = 0;
}
