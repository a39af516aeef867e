import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_PI_KEY,
  FAKE_PI_SECRET,
  resetFake,
  startFakeDirectories,
  type FakeDirectories,
} from '../helpers/fake-directories.js';
import { invokeCli } from './run-cli.js';

/** `podbrief feeds search` against fake iTunes and Podcast Index servers on 127.0.0.1. */
describe('CLI: feeds search', () => {
  let fake: FakeDirectories;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeDirectories();
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-cli-feeds-search-'));
    const secretFile = join(dataDir, 'pi-secret');
    writeFileSync(secretFile, `${FAKE_PI_SECRET}\n`);
    env = {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
      ALLOW_PRIVATE_NETWORKS: 'true',
      FETCH_TIMEOUT_SECONDS: '2',
      FETCH_CONNECT_TIMEOUT_SECONDS: '2',
      ITUNES_SEARCH_URL: fake.itunesUrl,
      PODCASTINDEX_API_URL: fake.podcastIndexUrl,
      PODCASTINDEX_API_KEY: FAKE_PI_KEY,
      PODCASTINDEX_API_SECRET: '',
      PODCASTINDEX_API_SECRET_FILE: secretFile,
    };
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => resetFake(fake));

  it('prints merged results from both directories, one per feed', async () => {
    const res = await invokeCli(['feeds', 'search', 'shared show'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('Shared Show (Ada Host)\n  https://feeds.example.com/shared/  [itunes, podcastindex]');
    expect(res.stdout).toContain('https://itunes-only.example.org/rss  [itunes]');
    expect(res.stdout).toContain('https://pi-only.example.net/feed.xml  [podcastindex]');
    expect(fake.itunesRequests[0]?.url.searchParams.get('term')).toBe('shared show');
    expect(fake.piRequests[0]?.url.searchParams.get('q')).toBe('shared show');
  });

  it('--json gives results and warnings', async () => {
    const res = await invokeCli(['feeds', 'search', 'show', '--json', '--limit', '5'], env);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout) as {
      results: Array<{ feedUrl: string; sources: string[] }>;
      warnings: string[];
    };
    expect(out.warnings).toEqual([]);
    expect(out.results).toHaveLength(3);
    expect(out.results[0]).toEqual({
      title: 'Shared Show',
      author: 'Ada Host',
      feedUrl: 'https://feeds.example.com/shared/',
      image: 'https://img.example.com/shared600.jpg',
      sources: ['itunes', 'podcastindex'],
    });
    expect(fake.itunesRequests[0]?.url.searchParams.get('limit')).toBe('5');
    expect(fake.piRequests[0]?.url.searchParams.get('max')).toBe('5');
  });

  it('a failing Podcast Index degrades to iTunes with one warning line', async () => {
    fake.piMode = { status: 503, body: '{"status":"false","description":"Service unavailable"}' };
    const res = await invokeCli(['feeds', 'search', 'show', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr.trim().split('\n')).toEqual(['warning: Podcast Index answered HTTP 503 (Service unavailable)']);
    const out = JSON.parse(res.stdout) as { results: Array<{ sources: string[] }>; warnings: string[] };
    expect(out.warnings).toEqual(['Podcast Index answered HTTP 503 (Service unavailable)']);
    expect(out.results.every((r) => r.sources.join() === 'itunes')).toBe(true);
  }, 30_000);

  it('a wrong Podcast Index secret is a warning naming the 401', async () => {
    const res = await invokeCli(['feeds', 'search', 'show'], {
      ...env,
      PODCASTINDEX_API_SECRET_FILE: '',
      PODCASTINDEX_API_SECRET: 'nope',
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr.trim()).toBe("warning: Podcast Index answered HTTP 401 (Authorization header doesn't match)");
    expect(res.stdout).toContain('Only On iTunes');
  });

  it('without Podcast Index credentials only iTunes is asked', async () => {
    const res = await invokeCli(['feeds', 'search', 'show', '--json'], {
      ...env,
      PODCASTINDEX_API_KEY: '',
      PODCASTINDEX_API_SECRET_FILE: '',
    });
    expect(res.code, res.stderr).toBe(0);
    expect(fake.piRequests).toHaveLength(0);
    expect(JSON.parse(res.stdout).results).toHaveLength(2);
  });

  it('both failing exits 1 with one line', async () => {
    fake.itunesMode = 'malformed';
    fake.piMode = 'hang';
    const res = await invokeCli(['feeds', 'search', 'show'], {
      ...env,
      FETCH_TIMEOUT_SECONDS: '1',
      FETCH_CONNECT_TIMEOUT_SECONDS: '1',
    });
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    const lines = res.stderr.trim().split('\n');
    expect(lines, res.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^podbrief: no directory answered: iTunes Search did not answer with JSON \(HTTP 200\); Podcast Index \(127\.0\.0\.1:\d+\): no complete response within 1000 ms$/,
    );
  }, 30_000);

  it('refuses the loopback directories without ALLOW_PRIVATE_NETWORKS', async () => {
    const res = await invokeCli(['feeds', 'search', 'show'], { ...env, ALLOW_PRIVATE_NETWORKS: 'false' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /^podbrief: no directory answered: iTunes Search .*non-public address 127\.0\.0\.1; set ALLOW_PRIVATE_NETWORKS=true/,
    );
    expect(fake.itunesRequests).toHaveLength(0);
  });
});
