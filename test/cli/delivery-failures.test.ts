import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { insight, parsedEpisode } from '../../src/store/test-fixtures.js';
import { startLocalHttp } from '../helpers/local-http.js';
import { deliveryHarness } from '../helpers/delivery-harness.js';
import { startCli } from '../helpers/cli-process.js';
import { invokeCli } from './run-cli.js';

const { defer, sink, tempDir: dataDir } = deliveryHarness();

/** Two episodes' insights and these subscribers, in the database `env` names. */
async function seed(env: Record<string, string>, emails: string[]): Promise<void> {
  const app = await createApp(loadConfig({ env }));
  const { feed } = await app.store.addFeed('https://example.com/feed.xml');
  await app.store.upsertEpisodes(feed.id, [parsedEpisode('a'), parsedEpisode('b')], new Date());
  for (const episode of await app.store.episodesByFeed(feed.id))
    await app.store.replaceInsights(
      episode.id,
      [insight(episode.id, { text: `Finding ${episode.guid}.` })],
      'embedded',
    );
  for (const email of emails) await app.store.addUser({ email, interests: [], timezone: 'UTC', deliveryHour: 0 });
  await app.close();
}

describe('podbrief send --json', () => {
  // A child process, for what it prints while it works: starting one (tsx) takes ~20 s on a loaded machine.
  it("prints each result as its send finishes, in the subscribers' order, as one JSON array", {
    timeout: 120_000,
  }, async () => {
    const smtp = await sink();
    const env = { DATA_DIR: dataDir(), SMTP_URL: smtp.url, DATABASE_URL: '', LOG_LEVEL: 'silent' };
    const emails = ['ada@example.com', 'bo@example.com', 'late@example.com'];
    await seed(env, emails);
    const release = smtp.holdRecipient('bo@example.com');

    const send = startCli(['send', '--now', '--json'], env);
    defer(() => void send.child.kill());
    // stdout alone: the helper's output() also holds stderr.
    let stdout = '';
    send.child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    // The second subscriber's mailbox has not answered: the first is printed already, the third is
    // sent but waits for the second, so the order holds.
    await vi.waitFor(
      () => {
        expect(stdout).toContain('"email": "ada@example.com"');
        expect(smtp.messages.some((m) => m.to.includes('late@example.com'))).toBe(true);
      },
      { timeout: 90_000, interval: 50 },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stdout).not.toContain('bo@example.com');
    expect(stdout).not.toContain('late@example.com');
    release();
    const code = await send.exited;

    expect(code).toBe(0);
    const results = JSON.parse(stdout) as { email: string; send: { status: string } }[];
    expect(results.map((r) => [r.email, r.send.status])).toEqual(emails.map((e) => [e, 'sent']));
    // The same text printJson would print for the whole array.
    expect(stdout).toBe(`${JSON.stringify(results, null, 2)}\n`);
  });

  it('prints an empty array when no subscriber is due', async () => {
    const env = { DATA_DIR: dataDir(), SMTP_URL: '', DATABASE_URL: '', LOG_LEVEL: 'silent' };
    await seed(env, []);
    expect(await invokeCli(['send', '--now', '--json'], env)).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });
});

describe('podbrief send: failures', () => {
  it('exits 1 with one line per failure (stable code), and shows suppressions in users list and status', async () => {
    const smtp = await sink();
    smtp.rejectRecipient('gone@example.com', 550, '5.1.1 <gone@example.com>: no such user');
    smtp.rejectRecipient('busy@example.com', 451, '4.2.1 mailbox busy');
    const env = { DATA_DIR: dataDir(), SMTP_URL: smtp.url, DATABASE_URL: '', LOG_LEVEL: 'silent' };
    await seed(env, ['ada@example.com', 'gone@example.com', 'busy@example.com']);

    const send = await invokeCli(['send', '--now', '--json'], env);
    expect(send.code).toBe(1);
    const results = JSON.parse(send.stdout) as {
      email: string;
      send: { status: string; code?: string };
      failure?: { code: string; message: string };
    }[];
    expect(results.map((r) => [r.email, r.send.status, r.failure?.code])).toEqual([
      ['ada@example.com', 'sent', undefined],
      ['gone@example.com', 'bounced', 'smtp_rejected'],
      ['busy@example.com', 'failed', 'smtp_rejected'],
    ]);
    const lines = send.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^send: g…@example\.com \(user 2\) brief \d{4}-\d{2}-\d{2}: smtp_rejected .*550/);
    expect(lines[1]).toMatch(/^send: b…@example\.com \(user 3\) brief \d{4}-\d{2}-\d{2}: smtp_rejected .*451/);
    expect(send.stderr).not.toContain('gone@example.com');

    // Nothing new failed: exit 0 (the soft bounce waits for its backoff, the hard one is suppressed).
    const again = await invokeCli(['send', '--now'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('busy@example.com');
    expect(again.stdout).not.toContain('gone@example.com');

    const users = await invokeCli(['users', 'list'], env);
    expect(users.stdout).toMatch(/^\s+2\s+suppressed\s+gone@example\.com/m);
    expect(users.stdout).toMatch(/suppressed: hard_bounce 550 at /);
    const listed = JSON.parse((await invokeCli(['users', 'list', '--json'], env)).stdout) as {
      email: string;
      suppressed?: { reason: string; responseCode: number };
    }[];
    expect(listed.find((u) => u.email === 'gone@example.com')?.suppressed).toMatchObject({
      reason: 'hard_bounce',
      responseCode: 550,
    });
    expect(listed.find((u) => u.email === 'ada@example.com')).not.toHaveProperty('suppressed');

    const status = await invokeCli(['status'], env);
    expect(status.stdout).toMatch(
      /deliveries: 1 sent, 0 pending, 0 sending, 1 failed, 1 bounced, 0 cancelled; 0 possible duplicates/,
    );
    expect(status.stdout).toMatch(/suppressed addresses: 1\n\s+gone@example\.com hard_bounce 550 at /);
    const statusJson = JSON.parse((await invokeCli(['status', '--json'], env)).stdout) as {
      deliveries: Record<string, number>;
      suppressions: unknown[];
    };
    expect(statusJson.deliveries).toMatchObject({ bounced: 1, possibleDuplicates: 0 });
    expect(statusJson.suppressions).toHaveLength(1);
  });
});

describe('podbrief poll: failures and hostile feed text', () => {
  it('exits 1 naming each failed feed with its code, and prints feed titles without terminal escapes', async () => {
    const evilTitle =
      'Evil &#27;]8;;https://evil.example/&#7;Show&#27;]8;;&#7; &#27;[2J&#27;[H&#27;[31mred&#155;2J &#27;]0;pwned&#27;\\';
    const http = await startLocalHttp(() => ({
      '/evil.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>${evilTitle}</title>
<item><guid>1</guid><title>Episode &#27;[2J one</title><description>Notes.</description></item></channel></rss>`);
      },
    }));
    defer(() => http.close());
    const env = {
      DATA_DIR: dataDir(),
      ALLOW_PRIVATE_NETWORKS: 'true',
      DATABASE_URL: '',
      SMTP_URL: '',
      LOG_LEVEL: 'silent',
    };
    expect((await invokeCli(['feeds', 'add', `${http.origin}/evil.xml`], env)).code).toBe(0);
    expect((await invokeCli(['feeds', 'add', `${http.origin}/missing.xml`], env)).code).toBe(0);

    const poll = await invokeCli(['poll', '--no-extract'], env);
    expect(poll.code).toBe(1);
    expect(poll.stdout).toContain('Evil Show red : 1 new');
    expect(poll.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(poll.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^poll: feed 2 ${http.origin}/missing\\.xml: \\w+ .*404`)),
    ]);

    const json = await invokeCli(['poll', '--all', '--no-extract', '--json'], env);
    expect(json.code).toBe(1);
    const polled = JSON.parse(json.stdout) as {
      feeds: unknown[];
      failures: { kind: string; id: number; code: string }[];
    };
    expect(polled.feeds).toHaveLength(2);
    expect(polled.failures).toEqual([expect.objectContaining({ kind: 'feed', id: 2, code: expect.any(String) })]);

    const list = await invokeCli(['feeds', 'list'], env);
    expect(list.stdout).toContain('Evil Show');
    expect(list.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
  });
});
