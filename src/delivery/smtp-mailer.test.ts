import { generateKeyPairSync } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError } from './delivery-error.js';
import type { Mailer } from './mailer.js';
import { renderBriefEmail } from './render-brief-email.js';
import { SmtpMailer } from './smtp-mailer.js';
import {
  FIXTURE_FROM,
  FIXTURE_PUBLIC_URL,
  FIXTURE_SECRET,
  FIXTURE_USER,
  fixtureBrief,
} from './test-support/brief-fixture.js';
import { verifyUnsubscribe } from './unsubscribe-link.js';

interface Received {
  raw: Buffer;
  mailFrom: string | undefined;
  rcptTo: string[];
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** A real SMTP server on a random local port that keeps every message it accepts. */
async function startSmtpServer(
  options: Partial<SMTPServerOptions> = {},
): Promise<{ port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          raw: Buffer.concat(chunks),
          mailFrom: mailFrom ? mailFrom.address : undefined,
          rcptTo: rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
    ...options,
  });
  const port = await listen(server.server);
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port, received };
}

function mailerFor(url: string, options: Partial<ConstructorParameters<typeof SmtpMailer>[0]> = {}): Mailer {
  const mailer = new SmtpMailer({ url, ...options });
  cleanups.push(() => mailer.close());
  return mailer;
}

function briefEmail(brief = fixtureBrief()) {
  return renderBriefEmail({
    brief,
    user: FIXTURE_USER,
    publicUrl: FIXTURE_PUBLIC_URL,
    secret: FIXTURE_SECRET,
    from: FIXTURE_FROM,
  });
}

/** Values of every header with this name (case-insensitive), unfolded, straight from the raw bytes. */
function headerValues(raw: string, name: string): string[] {
  const unfolded = raw.split('\r\n\r\n')[0]?.replace(/\r\n[ \t]+/g, ' ') ?? '';
  return unfolded
    .split('\r\n')
    .filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    .map((line) => line.slice(name.length + 1).trim());
}

async function sendError(promise: Promise<unknown>): Promise<DeliveryError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('SmtpMailer', () => {
  it('delivers the brief with both parts, unsubscribe headers and a Message-ID from the key', async () => {
    const { port, received } = await startSmtpServer();
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`);
    const email = briefEmail();

    const result = await mailer.send(email, { idempotencyKey: 'brief-42' });

    expect(result).toEqual({ messageId: '<podbrief-brief-42@podbrief.example>', location: null });
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message?.mailFrom).toBe('brief@podbrief.example');
    expect(message?.rcptTo).toEqual(['reader@mail.example.org']);
    const raw = message?.raw.toString('utf8') ?? '';
    const parsed = await simpleParser(message?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe(email.subject);
    expect(parsed.messageId).toBe('<podbrief-brief-42@podbrief.example>');
    expect(parsed.html).toBe(email.html);
    expect(parsed.text?.trim()).toBe(email.text.trim());
    expect(headerValues(raw, 'List-Unsubscribe')).toEqual([email.headers['List-Unsubscribe']]);
    expect(headerValues(raw, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
    expect(headerValues(raw, 'X-Podbrief-Brief-Id')).toEqual(['42']);
    expect(headerValues(raw, 'Message-ID')).toHaveLength(1);
    expect(headerValues(raw, 'From')).toHaveLength(1);
    const url = new URL(/<([^>]+)>/.exec(headerValues(raw, 'List-Unsubscribe')[0] ?? '')?.[1] ?? '');
    expect(verifyUnsubscribe(7, url.searchParams.get('t') ?? '', FIXTURE_SECRET)).toBe(true);
  });

  it('sends the HTML part in base64 and the text part in quoted-printable, several messages on one connection', async () => {
    const { port, received } = await startSmtpServer();
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`, { maxConnections: 1 });
    const email = briefEmail();
    await Promise.all([1, 2, 3].map((n) => mailer.send(email, { idempotencyKey: `brief-${n}` })));
    expect(received).toHaveLength(3);
    for (const message of received) {
      const raw = message.raw.toString('utf8');
      expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n/);
      expect(raw).toMatch(
        /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n/,
      );
      const parsed = await simpleParser(message.raw);
      expect(parsed.html).toBe(email.html);
      expect(parsed.text?.trim()).toBe(email.text.trim());
    }
  });

  it('sends again when pooled connections were closed with 421 before the message, until a new one takes it', async () => {
    let closings = 0;
    let always = false;
    const { port, received } = await startSmtpServer({
      // A message after the first on a connection meets what an idle timeout does: 421, then the server hangs up.
      onMailFrom(_address, session, callback) {
        if (!always && session.transaction < 2) return callback();
        closings++;
        callback(Object.assign(new Error('Timeout - closing connection'), { responseCode: 421 }));
      },
    });
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`, { maxConnections: 2 });
    // Two connections open, each with one message sent: both are stale for the server now.
    await Promise.all([1, 2].map((n) => mailer.send(briefEmail(), { idempotencyKey: `first-${n}` })));
    await mailer.send(briefEmail(), { idempotencyKey: 'after-idle' });
    expect(received).toHaveLength(3);
    expect(closings).toBeGreaterThanOrEqual(1);
    expect(closings).toBeLessThanOrEqual(2);

    // A server that answers every message 421 is tried once per connection and once more, then the
    // delivery's retry policy takes over.
    always = true;
    closings = 0;
    const err = await sendError(mailer.send(briefEmail(), { idempotencyKey: 'refused' }));
    expect(err.responseCode).toBe(421);
    expect(err.retryable).toBe(true);
    expect(closings).toBe(3);
  });

  it('keeps the same Message-ID when the same key is sent again', async () => {
    const { port, received } = await startSmtpServer();
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`);
    await mailer.send(briefEmail(), { idempotencyKey: 'send-brief:7:2026-11-29' });
    await mailer.send(briefEmail(), { idempotencyKey: 'send-brief:7:2026-11-29' });
    await mailer.send(briefEmail(), { idempotencyKey: 'send-brief:7:2026-11-30' });
    const ids = await Promise.all(received.map(async (m) => (await simpleParser(m.raw)).messageId));
    expect(ids[0]).toMatch(/^<podbrief-send-brief-7-2026-11-29\.[0-9a-f]{12}@podbrief\.example>$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('logs in with URL-encoded credentials', async () => {
    const logins: string[] = [];
    const { port, received } = await startSmtpServer({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}|${auth.password}`);
        if (auth.username === 'mailer@podbrief.example' && auth.password === 'p@ss:w/rd')
          callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
    });
    await mailerFor(`smtp://mailer%40podbrief.example:p%40ss%3Aw%2Frd@127.0.0.1:${port}`).send(briefEmail(), {
      idempotencyKey: 'k1',
    });
    expect(logins).toEqual(['mailer@podbrief.example|p@ss:w/rd']);
    expect(received).toHaveLength(1);

    const err = await sendError(
      mailerFor(`smtp://mailer:wrong-password@127.0.0.1:${port}`).send(briefEmail(), { idempotencyKey: 'k2' }),
    );
    expect(err.code).toBe('smtp_auth_failed');
    expect(err.retryable).toBe(false);
    expect(err.message).not.toContain('wrong-password');
  });

  it('never lets a feed title add a header or a recipient', async () => {
    const { port, received } = await startSmtpServer();
    const brief = fixtureBrief();
    if (brief.items[0]) brief.items[0].headline = 'Foo\r\nBcc: victim@example.com\r\n\r\n<h1>body</h1>';
    await mailerFor(`smtp://127.0.0.1:${port}`).send(briefEmail(brief), { idempotencyKey: 'k' });
    const [message] = received;
    expect(message?.rcptTo).toEqual(['reader@mail.example.org']);
    const raw = message?.raw.toString('utf8') ?? '';
    expect(headerValues(raw, 'Bcc')).toEqual([]);
    expect((await simpleParser(message?.raw ?? Buffer.alloc(0))).subject).toContain(
      'Foo Bcc: victim@example.com <h1>body</h1>',
    );
  });

  it.each([
    [550, false],
    [450, true],
  ])('maps an RCPT reply %i to smtp_rejected (retryable: %s), naming the domain only', async (code, retryable) => {
    const { port, received } = await startSmtpServer({
      onRcptTo(address, _session, callback) {
        const err = Object.assign(
          new Error(`${code === 550 ? '5.1.1' : '4.2.0'} <${address.address}> mailbox unavailable`),
          {
            responseCode: code,
          },
        );
        callback(err);
      },
    });
    const err = await sendError(mailerFor(`smtp://127.0.0.1:${port}`).send(briefEmail(), { idempotencyKey: 'k' }));
    expect(err.code).toBe('smtp_rejected');
    expect(err.responseCode).toBe(code);
    expect(err.retryable).toBe(retryable);
    expect(err.message).toContain('mail.example.org');
    expect(err.message).toContain(String(code));
    expect(err.message).not.toContain('reader@');
    expect(received).toHaveLength(0);
  });

  it('fails fast with smtp_connect_failed when nothing listens on the port', async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));

    const started = Date.now();
    const err = await sendError(mailerFor(`smtp://127.0.0.1:${port}`).send(briefEmail(), { idempotencyKey: 'k' }));
    expect(err.code).toBe('smtp_connect_failed');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain(`127.0.0.1:${port}`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up with smtp_timeout when the server never sends its greeting', { timeout: 5_000 }, async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    const port = await listen(silent);
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    const started = Date.now();
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`, { greetingTimeoutMs: 300 });
    const err = await sendError(mailer.send(briefEmail(), { idempotencyKey: 'k' }));
    expect(err.code).toBe('smtp_timeout');
    expect(sockets.size).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('DKIM-signs with List-Unsubscribe and List-Unsubscribe-Post in h=', async () => {
    const { port, received } = await startSmtpServer();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dkim = {
      domainName: 'podbrief.example',
      keySelector: 'pb1',
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    await mailerFor(`smtp://127.0.0.1:${port}`, { dkim }).send(briefEmail(), { idempotencyKey: 'k' });
    const [signature] = headerValues(received[0]?.raw.toString('utf8') ?? '', 'DKIM-Signature');
    expect(signature).toMatch(/\bd=podbrief\.example;/);
    const signed = (/\bh=([^;]+);/.exec(signature ?? '')?.[1] ?? '').replace(/\s+/g, '').toLowerCase().split(':');
    expect(signed).toEqual(
      expect.arrayContaining(['from', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']),
    );
  });
});
