import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoot } from '../../src/demo/run-demo.js';
import { startDemoServer, type DemoServer } from '../../src/demo/demo-server.js';
import { invokeCli } from './run-cli.js';

/** The operator's path through the CLI, against the bundled sample feeds served on 127.0.0.1. */
describe('CLI workflow: feeds → users → poll → send', () => {
  let server: DemoServer;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startDemoServer(demoRoot);
    dataDir = mkdtempSync(join(tmpdir(), 'podbrief-cli-flow-'));
    env = { DATA_DIR: dataDir, ALLOW_PRIVATE_NETWORKS: 'true', DATABASE_URL: '', SMTP_URL: '' };
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds a feed, imports OPML without duplicates, and lists them', async () => {
    const add = await invokeCli(['feeds', 'add', `${server.origin}/feeds/frontier-signals.xml`], env);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/added feed 1/);

    const opml = join(dataDir, 'subs.opml');
    const outline = (name: string) =>
      `<outline type="rss" text="${name}" xmlUrl="${server.origin}/feeds/${name}.xml"/>`;
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
${['frontier-signals', 'hot-path', 'margin-notes', 'second-wind'].map(outline).join('\n')}</body></opml>`,
    );
    const imported = await invokeCli(['feeds', 'import', opml], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported 4 feeds');
    expect(imported.stdout).toContain('3 new, 1 already added');

    const list = await invokeCli(['feeds', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toHaveLength(4);
  });

  it('rejects a bad feed URL and a bad subscriber with one line each', async () => {
    for (const args of [
      ['feeds', 'add', 'file:///etc/passwd'],
      ['users', 'add', 'not-an-email'],
      ['users', 'add', 'a@example.com', '--timezone', 'Mars/Base'],
      ['users', 'add', 'a@example.com', '--hour', '24'],
    ]) {
      const res = await invokeCli(args, env);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('polls, extracts and sends one brief per subscriber per day to the outbox', { timeout: 120_000 }, async () => {
    const user = await invokeCli(
      ['users', 'add', 'reader@example.com', '--interests', 'ai policy, open-source models', '--hour', '0'],
      env,
    );
    expect(user.code, user.stderr).toBe(0);

    const poll = await invokeCli(['poll', '--json'], env);
    expect(poll.code, poll.stderr).toBe(0);
    const polled = JSON.parse(poll.stdout) as { feeds: { status: string }[]; episodes: { status: string }[] };
    expect(polled.feeds.map((f) => f.status)).toEqual(['updated', 'updated', 'updated', 'updated']);
    expect(polled.episodes.filter((e) => e.status === 'extracted').length).toBe(10);

    const again = await invokeCli(['poll', '--all', '--json'], env);
    const repolled = JSON.parse(again.stdout) as { feeds: { status: string }[]; episodes: unknown[] };
    expect(repolled.feeds.every((f) => f.status === 'not_modified')).toBe(true);
    expect(repolled.episodes).toHaveLength(0);

    const send = await invokeCli(['send', '--now'], env);
    expect(send.code, send.stderr).toBe(0);
    expect(send.stdout).toMatch(/reader@example\.com \d{4}-\d{2}-\d{2}: written to .*\.eml/);
    const outbox = join(dataDir, 'outbox');
    expect(existsSync(outbox) && readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(1);

    const twice = await invokeCli(['send', '--now'], env);
    expect(twice.stdout).toContain('not sent (already sent)');
    expect(readdirSync(outbox)).toHaveLength(1);

    const brief = await invokeCli(['brief', '--user', 'reader@example.com', '--json'], env);
    const [shown] = JSON.parse(brief.stdout) as { status: string; brief: { items: { podcastTitle: string }[] } }[];
    expect(shown?.status).toBe('exists');
    // Four shows: one item each, a shorter brief rather than a repetitive one.
    expect(shown?.brief.items).toHaveLength(4);
    expect(new Set(shown?.brief.items.map((i) => i.podcastTitle)).size).toBe(4);
  });

  it('follows one show only: the profile says so and the brief holds only that show', {
    timeout: 120_000,
  }, async () => {
    const hotPath = `${server.origin}/feeds/hot-path.xml`;
    expect((await invokeCli(['users', 'add', 'fan@example.com', '--hour', '0'], env)).code).toBe(0);
    const follow = await invokeCli(['users', 'follow', 'fan@example.com', hotPath, '--only'], env);
    expect(follow.code, follow.stderr).toBe(0);
    expect(follow.stdout).toMatch(/follows: \d+ .+ \(only these shows\)/);

    const shown = await invokeCli(
      ['users', 'profile', 'fan@example.com', '--about', 'databases and tail latency', '--json'],
      env,
    );
    const profile = JSON.parse(shown.stdout) as {
      about: string;
      onlyFollowed: boolean;
      followed: { url: string; title: string }[];
    };
    expect(profile).toMatchObject({
      about: 'databases and tail latency',
      onlyFollowed: true,
      followed: [{ url: hotPath }],
    });

    const brief = await invokeCli(['brief', '--user', 'fan@example.com', '--json'], env);
    const [composed] = JSON.parse(brief.stdout) as { brief: { items: { podcastTitle: string }[] } }[];
    expect(composed?.brief.items.length).toBeGreaterThan(0);
    expect(new Set(composed?.brief.items.map((i) => i.podcastTitle))).toEqual(new Set([profile.followed[0]?.title]));

    const unfollow = await invokeCli(['users', 'unfollow', 'fan@example.com', hotPath], env);
    expect(unfollow.stdout).toContain('follows: (none) (only these shows)');
    const all = await invokeCli(['users', 'profile', 'fan@example.com', '--all-shows', '--json'], env);
    expect(JSON.parse(all.stdout)).toMatchObject({ onlyFollowed: false, followed: [] });

    for (const args of [
      ['users', 'follow', 'nobody@example.com', hotPath],
      ['users', 'follow', 'fan@example.com', `${server.origin}/feeds/unknown.xml`],
      ['users', 'profile', 'fan@example.com', '--only-followed', '--all-shows'],
      ['users', 'profile', 'fan@example.com', '--about', 'x'.repeat(2001)],
    ]) {
      const res = await invokeCli(args, env);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('says where feeds, episodes, deliveries and spend stand', async () => {
    const res = await invokeCli(['status', '--json'], env);
    expect(res.code, res.stderr).toBe(0);
    const status = JSON.parse(res.stdout) as {
      feeds: { total: number; failing: unknown[] };
      episodes: Record<string, number>;
      deliveries: Record<string, number>;
      spendTodayUsd: { llm: number; asr: number };
    };
    expect(status.feeds).toEqual({ total: 4, failing: [] });
    expect(status.episodes).toEqual({ new: 0, transcribed: 0, extracted: 10, failedRetrying: 0, failedGivenUp: 0 });
    expect(status.deliveries).toMatchObject({ sent: 1, failed: 0 });
    expect(status.spendTodayUsd).toMatchObject({ llm: 0, asr: 0 });
    const text = await invokeCli(['status'], env);
    expect(text.stdout).toContain('episodes: 0 new, 0 transcribed, 10 extracted, 0 failed and retrying, 0 given up');
  });

  it('refuses invalid configuration at start, listing every problem', async () => {
    const res = await invokeCli(['feeds', 'list'], { ...env, PORT: 'abc', BRIEF_SIZE: '0' });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('PORT');
    expect(res.stderr).toContain('BRIEF_SIZE');
  });
});
