import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { deliverBriefs } from '../../src/jobs/index.js';
import { createLogger } from '../../src/logger.js';
import type { User } from '../../src/model/user.js';
import { insight, parsedEpisode } from '../../src/store/test-fixtures.js';
import { startSmtpSink, startStalledSmtp, type SmtpSink } from '../helpers/smtp-sink.js';

const NOW = new Date('2026-11-29T08:00:00Z');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An app on a fresh SQLite data dir with three episodes' insights and `users` subscribers, mail going to `smtpUrl`. */
async function appWith(smtpUrl: string, users: string[], env: Record<string, string> = {}): Promise<App> {
  const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-trust-'));
  const app = await createApp(
    loadConfig({
      env: {
        DATA_DIR: dataDir,
        SMTP_URL: smtpUrl,
        LOG_LEVEL: 'silent',
        PUBLIC_URL: 'https://brief.podbrief.example',
        MAIL_FROM: 'Podbrief <brief@podbrief.example>',
        ...env,
      },
    }),
  );
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => app.close());
  const { feed } = await app.store.addFeed('https://example.com/feed.xml');
  await app.store.upsertEpisodes(
    feed.id,
    ['a', 'b', 'c'].map((g) => parsedEpisode(g)),
    new Date('2026-11-28T12:00:00Z'),
  );
  for (const episode of await app.store.episodesByFeed(feed.id)) {
    await app.store.replaceInsights(
      episode.id,
      [insight(episode.id, { text: `Finding ${episode.guid} about chips.` })],
      'embedded',
    );
  }
  for (const email of users) await app.store.addUser({ email, interests: [], timezone: 'UTC', deliveryHour: 6 });
  return app;
}

async function sink(): Promise<SmtpSink> {
  const s = await startSmtpSink();
  cleanups.push(() => s.close());
  return s;
}

const userNamed = async (app: App, email: string): Promise<User> => (await app.store.userByEmail(email))!;

describe('DKIM', () => {
  it('signs every brief so a verifier passes it, with both List-Unsubscribe headers signed', async () => {
    const smtp = await sink();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const app = await appWith(smtp.url, ['ada@example.com'], {
      DKIM_DOMAIN: 'podbrief.example',
      DKIM_SELECTOR: 'pb2026',
      // As an env var often carries it: one line with literal \n.
      DKIM_PRIVATE_KEY: pem.trim().replace(/\n/g, '\\n'),
    });
    const [result] = await deliverBriefs(app, { now: NOW });
    expect(result?.send).toMatchObject({ status: 'sent' });
    const raw = smtp.messages[0]!.raw;

    const txt = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    const lookups: string[] = [];
    const resolver = async (name: string, rrtype: string) => {
      lookups.push(`${rrtype} ${name}`);
      if (rrtype === 'TXT' && name === 'pb2026._domainkey.podbrief.example') return [[txt]];
      throw Object.assign(new Error(`no ${rrtype} for ${name}`), { code: 'ENOTFOUND' });
    };
    const verify = async (message: string) => (await dkimVerify(message, { resolver })).results;

    const [signature] = await verify(raw);
    expect(lookups).toContain('TXT pb2026._domainkey.podbrief.example');
    expect(signature).toMatchObject({ signingDomain: 'podbrief.example', selector: 'pb2026' });
    expect(signature?.status.result).toBe('pass');
    const signed = (signature?.signingHeaders?.keys ?? '').toLowerCase().split(': ');
    expect(signed).toEqual(
      expect.arrayContaining(['from', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']),
    );

    // The unsubscribe link points at PUBLIC_URL.
    const headers = raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
    const unsubscribe = /^List-Unsubscribe: <([^>]+)>/im.exec(headers)?.[1];
    expect(unsubscribe).toMatch(/^https:\/\/brief\.podbrief\.example\/unsubscribe\?u=\d+&t=/);

    // Any change to a signed header breaks the signature.
    const tampered = [
      // The first occurrence is the header (folded onto its own line), before the body.
      raw.replace('<https://brief.podbrief.example/unsubscribe', '<https://evil.example/unsubscribe'),
      raw.replace(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m, 'List-Unsubscribe-Post: nothing'),
      raw.replace(/^Subject: /m, 'Subject: FREE '),
    ];
    for (const message of tampered) {
      expect(message).not.toBe(raw);
      expect((await verify(message))[0]?.status.result).toBe('fail');
    }
  });

  it('refuses a DKIM setting that is half there or not a key', () => {
    const base = { DATA_DIR: '/tmp/unused', LOG_LEVEL: 'silent' };
    expect(() => loadConfig({ env: { ...base, DKIM_DOMAIN: 'podbrief.example' } })).toThrow(
      /DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together/,
    );
    expect(() =>
      loadConfig({
        env: { ...base, DKIM_DOMAIN: 'podbrief.example', DKIM_SELECTOR: 'pb', DKIM_PRIVATE_KEY: 'not a key' },
      }),
    ).toThrow(/DKIM_PRIVATE_KEY=<hidden>: not a PEM private key/);
  });
});

describe('unsubscribing while a send run is going', () => {
  it('stops the mail of a subscriber who unsubscribes mid-run, and closes their delivery as cancelled', async () => {
    const smtp = await sink();
    smtp.setDelay(300);
    const emails = ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com'];
    const app = await appWith(smtp.url, emails);
    const run = deliverBriefs(app, { now: NOW });
    await smtp.waitForMessages(1);
    // What POST /unsubscribe does, while the first mail is still being accepted.
    for (const email of ['c@example.com', 'd@example.com'])
      await app.store.setUserStatus((await userNamed(app, email)).id, 'unsubscribed');
    const results = await run;

    expect(smtp.messages.flatMap((m) => m.to)).toEqual(['a@example.com', 'b@example.com']);
    expect(smtp.recipientsTried).not.toContain('c@example.com');
    expect(results.map((r) => [r.email, r.send?.status, r.send?.status === 'skipped' && r.send.reason])).toEqual([
      ['a@example.com', 'sent', false],
      ['b@example.com', 'sent', false],
      ['c@example.com', 'skipped', 'unsubscribed'],
      ['d@example.com', 'skipped', 'unsubscribed'],
    ]);
    for (const email of ['c@example.com', 'd@example.com']) {
      const brief = await app.store.briefFor((await userNamed(app, email)).id, '2026-11-29');
      expect(await app.store.deliveryForBrief(brief!.id)).toMatchObject({
        status: 'cancelled',
        lastErrorCode: 'unsubscribed',
      });
    }
    // A later run does not revive them.
    expect(await deliverBriefs(app, { now: new Date(NOW.getTime() + 3_600_000) })).toHaveLength(2);
    expect(smtp.messages).toHaveLength(2);
  });
});

describe('bounces', () => {
  it('suppresses an address at its first hard bounce (550) and keeps retrying a soft one (451)', async () => {
    const smtp = await sink();
    const app = await appWith(smtp.url, ['ada@example.com', 'gone@example.com', 'busy@example.com']);
    smtp.rejectRecipient('gone@example.com', 550, '5.1.1 <gone@example.com>: no such user');
    smtp.rejectRecipient('busy@example.com', 451, '4.2.1 mailbox busy');
    const first = await deliverBriefs(app, { now: NOW });
    const byEmail = (results: typeof first, email: string) => results.find((r) => r.email === email)?.send;

    expect(byEmail(first, 'ada@example.com')).toMatchObject({ status: 'sent' });
    expect(byEmail(first, 'gone@example.com')).toMatchObject({
      status: 'bounced',
      code: 'smtp_rejected',
      responseCode: 550,
    });
    expect(byEmail(first, 'busy@example.com')).toMatchObject({ status: 'failed', code: 'smtp_rejected' });
    const gone = await userNamed(app, 'gone@example.com');
    expect(await app.store.suppressionFor('gone@example.com')).toMatchObject({
      userId: gone.id,
      reason: 'hard_bounce',
      responseCode: 550,
      detail: expect.stringContaining('no such user'),
    });
    expect(await app.store.suppressionFor('busy@example.com')).toBeUndefined();
    const goneBrief = await app.store.briefFor(gone.id, '2026-11-29');
    expect(await app.store.deliveryForBrief(goneBrief!.id)).toMatchObject({ status: 'bounced', attempts: 1 });

    // Hours later: the soft bounce is retried (and now accepted), the hard one never tried again.
    smtp.acceptRecipient('busy@example.com');
    const later = await deliverBriefs(app, { now: new Date(NOW.getTime() + 3 * 3_600_000) });
    expect(later.map((r) => r.email)).toEqual(['ada@example.com', 'busy@example.com']);
    expect(byEmail(later, 'busy@example.com')).toMatchObject({ status: 'sent' });
    expect(smtp.recipientsTried.filter((r) => r === 'gone@example.com')).toHaveLength(1);
    const counts = await app.store.statusCounts();
    expect(counts.suppressed).toBe(1);
    expect(counts.deliveries).toMatchObject({ sent: 2, bounced: 1 });
  });
});

describe('a stalled mail server', () => {
  it('trips the breaker: 10 queued briefs cost three timeouts, and stay queued', { timeout: 20_000 }, async () => {
    const stalled = await startStalledSmtp();
    cleanups.push(() => stalled.close());
    const emails = Array.from({ length: 10 }, (_, i) => `reader${i}@example.com`);
    const app = await appWith(stalled.url, emails, { SMTP_TIMEOUT_SECONDS: '1' });

    const started = Date.now();
    const results = await deliverBriefs(app, { now: NOW });
    const took = Date.now() - started;

    expect(took).toBeLessThan(6_000);
    expect(stalled.connections()).toBe(3);
    expect(results.map((r) => r.send?.status)).toEqual([...Array(3).fill('failed'), ...Array(7).fill('skipped')]);
    expect(results[0]?.send).toMatchObject({ code: 'smtp_timeout' });
    expect(results[9]?.send).toMatchObject({ reason: 'mail_server_down', code: 'smtp_circuit_open' });
    expect((await app.store.statusCounts()).deliveries).toMatchObject({ failed: 3, pending: 7, sending: 0 });
  });
});

describe('PUBLIC_URL', () => {
  it('warns once at start when real mail would go out with plain-http links', async () => {
    const smtp = await sink();
    const linesFor = async (env: Record<string, string>) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-warn-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const lines: string[] = [];
      const app = await createApp(loadConfig({ env: { DATA_DIR: dataDir, ...env } }), {
        log: createLogger('info', (l) => lines.push(l)),
      });
      await app.close();
      return lines;
    };
    const warned = await linesFor({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://brief.podbrief.example' });
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(
      /^warn .*PUBLIC_URL \(http:\/\/brief\.podbrief\.example\) is not https but SMTP_URL is set/,
    );
    expect(warned[0]).not.toContain(smtp.url);
    expect(await linesFor({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://brief.podbrief.example' })).toEqual([]);
    expect(await linesFor({ PUBLIC_URL: 'http://localhost:8080' })).toEqual([]);
  });
});
