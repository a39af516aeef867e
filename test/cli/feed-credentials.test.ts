import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoot } from '../../src/demo/run-demo.js';
import { startLocalServer, type LocalServer } from '../net/local-server.js';
import { invokeCli } from './run-cli.js';

const BASIC = `Basic ${Buffer.from('alice:s3cret pw').toString('base64')}`;

/** A private feed's `user:password@` is stored apart, sent as Basic auth to its own origin only, never shown. */
describe('CLI: feeds with credentials in the URL', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let feeds: LocalServer;
  let elsewhere: LocalServer;
  const xml = readFileSync(join(demoRoot, 'feeds', 'frontier-signals.xml'));

  beforeAll(async () => {
    elsewhere = await startLocalServer((_req, res) => {
      res.setHeader('content-type', 'application/rss+xml');
      res.end(xml);
    });
    feeds = await startLocalServer((req, res) => {
      if (req.url === '/moved.xml') {
        res.statusCode = 302;
        res.setHeader('location', `${elsewhere.url}/feed.xml`);
        return res.end();
      }
      if (req.headers.authorization !== BASIC) {
        res.statusCode = 401;
        return res.end('who are you?');
      }
      res.setHeader('content-type', 'application/rss+xml');
      res.end(xml);
    });
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-cli-feed-auth-'));
    env = { DATA_DIR: dataDir, ALLOW_PRIVATE_NETWORKS: 'true', DATABASE_URL: '', SMTP_URL: '', LOG_LEVEL: 'debug' };
  });
  afterAll(async () => {
    await feeds?.close();
    await elsewhere?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('polls with Basic auth and shows the URL without its credentials everywhere', async () => {
    const secretUrl = (path: string) => feeds.url.replace('http://', 'http://alice:s3cret%20pw@') + path;
    const add = await invokeCli(['feeds', 'add', secretUrl('/feed.xml')], env);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain(`added feed 1: ${feeds.url}/feed.xml`);
    expect((await invokeCli(['feeds', 'add', secretUrl('/moved.xml')], env)).code).toBe(0);

    const poll = await invokeCli(['poll', '--json'], env);
    expect(poll.code, poll.stderr).toBe(0);
    const polled = JSON.parse(poll.stdout) as { feeds: { status: string }[] };
    expect(polled.feeds.map((f) => f.status)).toEqual(['updated', 'updated']);
    expect(feeds.requests.find((r) => r.url === '/feed.xml')?.headers.authorization).toBe(BASIC);
    // The redirect to another origin is followed without the credentials.
    expect(elsewhere.requests.map((r) => r.url)).toContain('/feed.xml');
    for (const r of elsewhere.requests) expect(r.headers.authorization, r.url).toBeUndefined();

    const outputs = await Promise.all([
      invokeCli(['feeds', 'list'], env),
      invokeCli(['feeds', 'list', '--json'], env),
      invokeCli(['status'], env),
      invokeCli(['status', '--json'], env),
    ]);
    for (const out of [add, poll, ...outputs]) {
      expect(out.stdout + out.stderr).not.toContain('s3cret');
      expect(out.stdout + out.stderr).not.toContain('alice');
    }
    expect(outputs[0]?.stdout).toContain(`<${feeds.url}/feed.xml>`);
  });

  it('a wrong password fails the poll without showing it', async () => {
    const add = await invokeCli(
      ['feeds', 'add', feeds.url.replace('http://', 'http://alice:wrong-pw@') + '/feed.xml'],
      env,
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('already added as feed 1');
    const poll = await invokeCli(['poll', '--all', '--json'], env);
    expect(poll.stdout).toContain('http_401');
    const list = await invokeCli(['feeds', 'list'], env);
    expect(list.stdout).toContain('http_401');
    for (const out of [add, poll, list]) expect(out.stdout + out.stderr).not.toContain('wrong-pw');
  });

  it('a changed secret fails only the feeds with credentials, with a stable code; the previous secret opens them again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podbrief-cli-feed-key-'));
    try {
      const base = { ...env, DATA_DIR: dir };
      const rotated = { ...base, SECRET_KEY: 'a-rotated-secret-key' };
      const secretUrl = feeds.url.replace('http://', 'http://alice:s3cret%20pw@') + '/feed.xml';
      expect((await invokeCli(['feeds', 'add', secretUrl], base)).code).toBe(0);
      expect((await invokeCli(['feeds', 'add', `${elsewhere.url}/open.xml`], base)).code).toBe(0);
      // Sealed with the secret the first run generated.
      const database = readdirSync(dir).filter((f) => f.startsWith('podbrief.db'));
      expect(database).toContain('podbrief.db');
      for (const f of database) expect(readFileSync(join(dir, f)).toString('latin1'), f).not.toContain('s3cret');

      const wrong = await invokeCli(['poll', '--all', '--json'], rotated);
      const failed = JSON.parse(wrong.stdout) as { feeds: { status: string; code?: string }[] };
      expect(failed.feeds.map((f) => [f.status, f.code])).toEqual([
        ['failed', 'feed_credentials_unreadable'],
        ['updated', undefined],
      ]);
      const list = await invokeCli(['feeds', 'list'], rotated);
      expect(list.stdout).toContain('feed_credentials_unreadable');
      for (const out of [wrong, list]) expect(out.stdout + out.stderr).not.toMatch(/s3cret|alice/);

      const previous = readFileSync(join(dir, 'secret.key'), 'utf8').trim();
      const during = await invokeCli(['poll', '--all', '--json'], { ...rotated, SECRET_KEY_PREVIOUS: previous });
      expect(JSON.parse(during.stdout).feeds[0].status).not.toBe('failed');
      // Sealed again under the new secret on that poll: the old one is no longer needed.
      const after = await invokeCli(['poll', '--all', '--json'], rotated);
      expect(JSON.parse(after.stdout).feeds[0].status).not.toBe('failed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
