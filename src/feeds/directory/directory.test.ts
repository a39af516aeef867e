import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_PI_KEY,
  FAKE_PI_SECRET,
  resetFake,
  startFakeDirectories,
  type FakeDirectories,
} from '../../../test/helpers/fake-directories.js';
import { feedUrlKey, mergeDirectoryResults, searchDirectories, type DirectorySearchOptions } from './merge.js';
import { searchItunes } from './itunes.js';
import { podcastIndexHeaders, searchPodcastIndex } from './podcast-index.js';

let fake: FakeDirectories;
const fetch = { allowPrivateNetworks: true, timeoutMs: 1_500, userAgent: 'Podbrief-test/1' };
const noWait = { sleep: async () => {} };

function options(overrides: { key?: string; secret?: string; noPi?: boolean } = {}): DirectorySearchOptions {
  return {
    itunes: { baseUrl: fake.itunesUrl, fetch, retry: noWait },
    ...(!overrides.noPi && {
      podcastIndex: {
        baseUrl: fake.podcastIndexUrl,
        fetch,
        retry: noWait,
        apiKey: overrides.key ?? FAKE_PI_KEY,
        apiSecret: overrides.secret ?? FAKE_PI_SECRET,
        userAgent: 'Podbrief-test/1',
      },
    }),
    limit: 10,
  };
}

beforeAll(async () => {
  fake = await startFakeDirectories();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => resetFake(fake));

describe('feedUrlKey', () => {
  it('treats scheme, host case, default ports and a trailing slash as the same feed', () => {
    const key = feedUrlKey('https://feeds.example.com/shared');
    for (const same of [
      'http://feeds.example.com/shared',
      'HTTPS://Feeds.Example.COM:443/shared/',
      'http://feeds.example.com:80/shared',
    ])
      expect(feedUrlKey(same), same).toBe(key);
    expect(feedUrlKey('https://feeds.example.com:8443/shared')).not.toBe(key);
    expect(feedUrlKey('https://feeds.example.com/Shared')).not.toBe(key);
    expect(feedUrlKey('https://feeds.example.com/shared?id=2')).not.toBe(key);
  });
});

describe('mergeDirectoryResults', () => {
  it('keeps one result per feed with both sources, preferring https, filling the image', () => {
    const merged = mergeDirectoryResults([
      [{ title: 'A', author: '', feedUrl: 'http://x.example/a/', sources: ['itunes'] }],
      [
        {
          title: 'A',
          author: 'Ann',
          feedUrl: 'https://X.example/a',
          image: 'https://i/a.jpg',
          sources: ['podcastindex'],
        },
        { title: 'B', author: 'Bo', feedUrl: 'https://x.example/b', sources: ['podcastindex'] },
      ],
    ]);
    expect(merged).toEqual([
      {
        title: 'A',
        author: 'Ann',
        feedUrl: 'https://X.example/a',
        image: 'https://i/a.jpg',
        sources: ['itunes', 'podcastindex'],
      },
      { title: 'B', author: 'Bo', feedUrl: 'https://x.example/b', sources: ['podcastindex'] },
    ]);
  });
});

describe('searchItunes', () => {
  it('sends media, entity, term and limit and reads results with a feed URL', async () => {
    const results = await searchItunes('kubernetes & friends', 5, { baseUrl: fake.itunesUrl, fetch });
    const url = fake.itunesRequests[0]?.url;
    expect(url?.searchParams.get('media')).toBe('podcast');
    expect(url?.searchParams.get('entity')).toBe('podcast');
    expect(url?.searchParams.get('term')).toBe('kubernetes & friends');
    expect(url?.searchParams.get('limit')).toBe('5');
    expect(results.map((r) => r.title)).toEqual(['Shared Show', 'Only On iTunes']);
    expect(results[0]).toEqual({
      title: 'Shared Show',
      author: 'Ada Host',
      feedUrl: 'https://feeds.example.com/shared/',
      image: 'https://img.example.com/shared600.jpg',
      sources: ['itunes'],
    });
  });

  it('refuses the loopback fake without ALLOW_PRIVATE_NETWORKS', async () => {
    await expect(
      searchItunes('x', 5, { baseUrl: fake.itunesUrl, fetch: { ...fetch, allowPrivateNetworks: false } }),
    ).rejects.toThrow(/iTunes Search/);
    expect(fake.itunesRequests).toHaveLength(0);
  });

  it('retries a 429 after its Retry-After and then succeeds', async () => {
    fake.itunesMode = { rateLimitedOnce: 1 };
    const started = Date.now();
    const results = await searchItunes('x', 5, { baseUrl: fake.itunesUrl, fetch });
    expect(results).toHaveLength(2);
    expect(fake.itunesRequests).toHaveLength(2);
    const [first, second] = fake.itunesRequests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('fails at once when Retry-After is longer than it will wait', async () => {
    fake.itunesMode = { rateLimitedOnce: 3600 };
    await expect(searchItunes('x', 5, { baseUrl: fake.itunesUrl, fetch })).rejects.toThrow(
      /iTunes Search answered HTTP 429/,
    );
    expect(fake.itunesRequests).toHaveLength(1);
  });

  it('names malformed JSON clearly, without retrying', async () => {
    fake.itunesMode = 'malformed';
    await expect(searchItunes('x', 5, { baseUrl: fake.itunesUrl, fetch, retry: noWait })).rejects.toThrow(
      'iTunes Search did not answer with JSON (HTTP 200)',
    );
    expect(fake.itunesRequests).toHaveLength(1);
  });

  it('gives up on a server that never answers within the deadline', async () => {
    fake.itunesMode = 'hang';
    const started = Date.now();
    await expect(
      searchItunes('x', 5, {
        baseUrl: fake.itunesUrl,
        fetch: { ...fetch, timeoutMs: 300 },
        retry: { maxRetries: 1, ...noWait },
      }),
    ).rejects.toThrow(/^iTunes Search \(127\.0\.0\.1:\d+\): no complete response within 300 ms$/);
    expect(fake.itunesRequests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('searchPodcastIndex', () => {
  it('signs each request: X-Auth-Key, X-Auth-Date, sha1(key + secret + date), a User-Agent', async () => {
    const results = await searchPodcastIndex('history', 7, options().podcastIndex!);
    const req = fake.piRequests[0];
    expect(req?.url.pathname).toBe('/api/1.0/search/byterm');
    expect(req?.url.searchParams.get('q')).toBe('history');
    expect(req?.url.searchParams.get('max')).toBe('7');
    const date = String(req?.headers['x-auth-date']);
    expect(Math.abs(Number(date) - Date.now() / 1000)).toBeLessThan(5);
    expect(req?.headers['x-auth-key']).toBe(FAKE_PI_KEY);
    expect(req?.headers['authorization']).toBe(
      createHash('sha1')
        .update(FAKE_PI_KEY + FAKE_PI_SECRET + date)
        .digest('hex'),
    );
    expect(req?.headers['user-agent']).toBe('Podbrief-test/1');
    expect(results.map((r) => [r.title, r.feedUrl, r.image])).toEqual([
      ['Shared Show', 'http://feeds.example.com/shared', 'https://img.example.com/pi-shared-art.jpg'],
      ['Only On Podcast Index', 'https://pi-only.example.net/feed.xml', 'https://img.example.com/pi-only.jpg'],
    ]);
  });

  it('podcastIndexHeaders matches a hand-computed signature', () => {
    const h = podcastIndexHeaders('k', 's', 'UA', 1_700_000_000_999);
    expect(h['x-auth-date']).toBe('1700000000');
    expect(h.authorization).toBe(createHash('sha1').update('ks1700000000').digest('hex'));
  });

  it("says the provider's own words on a wrong secret (401), without retrying", async () => {
    await expect(searchPodcastIndex('x', 5, options({ secret: 'wrong' }).podcastIndex!)).rejects.toThrow(
      "Podcast Index answered HTTP 401 (Authorization header doesn't match)",
    );
    expect(fake.piRequests).toHaveLength(1);
  });

  it('re-signs a retried request after a 429 with a fresh date', async () => {
    fake.piMode = { rateLimitedOnce: 1 };
    const results = await searchPodcastIndex('x', 5, options().podcastIndex!);
    expect(results).toHaveLength(2);
    expect(fake.piRequests).toHaveLength(2);
  });
});

describe('searchDirectories', () => {
  it('merges both directories, de-duplicated by feed URL', async () => {
    const found = await searchDirectories('show', options());
    expect(found.failed).toBe(false);
    expect(found.warnings).toEqual([]);
    expect(found.results.map((r) => [r.title, r.sources])).toEqual([
      ['Shared Show', ['itunes', 'podcastindex']],
      ['Only On iTunes', ['itunes']],
      ['Only On Podcast Index', ['podcastindex']],
    ]);
    expect(found.results[0]?.feedUrl).toBe('https://feeds.example.com/shared/');
  });

  it('asks only iTunes without Podcast Index credentials', async () => {
    const found = await searchDirectories('show', options({ noPi: true }));
    expect(found.results.every((r) => r.sources.join() === 'itunes')).toBe(true);
    expect(fake.piRequests).toHaveLength(0);
  });

  it('a 500 from one directory leaves the other with one warning', async () => {
    fake.piMode = 'error500';
    const found = await searchDirectories('show', options());
    expect(found.failed).toBe(false);
    expect(found.results.map((r) => r.title)).toEqual(['Shared Show', 'Only On iTunes']);
    expect(found.warnings).toEqual(['Podcast Index answered HTTP 500']);
    expect(fake.piRequests).toHaveLength(3); // first try + 2 retries
  });

  it('both failing sets failed with both reasons', async () => {
    fake.piMode = 'malformed';
    fake.itunesMode = 'error500';
    const found = await searchDirectories('show', options());
    expect(found.failed).toBe(true);
    expect(found.results).toEqual([]);
    expect(found.warnings).toEqual([
      'iTunes Search answered HTTP 500',
      'Podcast Index did not answer with JSON (HTTP 200)',
    ]);
  });
});
