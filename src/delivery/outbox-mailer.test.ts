import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer } from './create-mailer.js';
import { OutboxMailer } from './outbox-mailer.js';
import { renderBriefEmail } from './render-brief-email.js';
import type { RenderedEmail } from './rendered-email.js';
import {
  FIXTURE_FROM,
  FIXTURE_PUBLIC_URL,
  FIXTURE_SECRET,
  FIXTURE_USER,
  fixtureBrief,
} from './test-support/brief-fixture.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podbrief-outbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function briefEmail(): RenderedEmail {
  return renderBriefEmail({
    brief: fixtureBrief(),
    user: FIXTURE_USER,
    publicUrl: FIXTURE_PUBLIC_URL,
    secret: FIXTURE_SECRET,
    from: FIXTURE_FROM,
  });
}

describe('OutboxMailer', () => {
  it('writes a complete, parseable .eml named after the brief', async () => {
    const mailer = new OutboxMailer(join(dir, 'outbox'));
    const email = briefEmail();
    const result = await mailer.send(email, { idempotencyKey: 'brief-42' });

    const path = join(dir, 'outbox', '2026-11-29-7-42.eml');
    expect(result).toEqual({ messageId: '<podbrief-brief-42@podbrief.example>', location: path });
    const raw = await readFile(path);
    expect(raw.toString('utf8')).not.toMatch(/[^\r]\n/); // CRLF line endings throughout
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(email.subject);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('reader@mail.example.org');
    expect(parsed.messageId).toBe('<podbrief-brief-42@podbrief.example>');
    expect(parsed.html).toBe(email.html);
    expect(parsed.text?.trim()).toBe(email.text.trim());
    const headers = new Map(parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()]));
    expect(headers.get('list-unsubscribe')).toBe(email.headers['List-Unsubscribe']);
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(headers.get('x-podbrief-brief-id')).toBe('42');
    expect(headers.has('date')).toBe(true);
    await mailer.close();
  });

  it('overwrites the same file when the same message is sent again, leaving no temp files', async () => {
    const mailer = new OutboxMailer(dir);
    const first = await mailer.send(briefEmail(), { idempotencyKey: 'brief-42' });
    const second = await mailer.send(briefEmail(), { idempotencyKey: 'brief-42' });
    expect(second).toEqual(first);
    expect(await readdir(dir)).toEqual(['2026-11-29-7-42.eml']);
    expect((await simpleParser(await readFile(first.location ?? ''))).messageId).toBe(first.messageId);
  });

  it('names a non-brief message after its key and keeps it inside the outbox', async () => {
    const mailer = new OutboxMailer(dir);
    const { brief: _brief, ...plain } = briefEmail();
    const result = await mailer.send(plain, { idempotencyKey: '../../etc/passwd' });
    const [name, ...rest] = await readdir(dir);
    expect(rest).toEqual([]);
    expect(name).toMatch(/^------etc-passwd\.[0-9a-f]{12}\.eml$/);
    expect(result.location).toBe(join(dir, name ?? ''));
  });

  it('fails with outbox_write_failed when the directory cannot be created', async () => {
    const blocker = join(dir, 'not-a-dir');
    await writeFile(blocker, 'x');
    const mailer = new OutboxMailer(join(blocker, 'outbox'));
    await expect(mailer.send(briefEmail(), { idempotencyKey: 'brief-42' })).rejects.toMatchObject({
      code: 'outbox_write_failed',
      retryable: true,
    });
  });

  it('refuses a message with more than one recipient', async () => {
    const mailer = new OutboxMailer(dir);
    const email = { ...briefEmail(), to: 'a@b.example, c@d.example' };
    await expect(mailer.send(email, { idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'invalid_recipient' });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('createMailer', () => {
  it('writes to the outbox without an SMTP URL and sends over SMTP with one', async () => {
    const outbox = createMailer({ outboxDir: dir });
    const blank = createMailer({ smtpUrl: '  ', outboxDir: dir });
    const smtp = createMailer({ smtpUrl: 'smtp://user:pw@127.0.0.1:2525', outboxDir: dir });
    expect([outbox.name, blank.name, smtp.name]).toEqual(['outbox', 'outbox', 'smtp']);
    await Promise.all([outbox.close(), blank.close(), smtp.close()]);
  });

  it('rejects a bad SMTP URL without echoing its password', () => {
    for (const smtpUrl of [
      'http://user:hunter2@host',
      'smtp://user:hunter2@host?tls=off',
      'smtp://user:hunter2@host?pool=yes',
    ]) {
      expect(() => createMailer({ smtpUrl, outboxDir: dir })).toThrow(
        expect.objectContaining({ code: 'invalid_smtp_url' }),
      );
      try {
        createMailer({ smtpUrl, outboxDir: dir });
      } catch (err) {
        expect(String((err as Error).message)).not.toContain('hunter2');
      }
    }
  });
});
