import { describe, expect, it } from 'vitest';
import { keySlug, messageIdFor } from './mail-options.js';
import { parseSmtpUrl } from './smtp-url.js';

describe('messageIdFor', () => {
  it.each([
    ['brief-42', 'Podbrief <brief@podbrief.example>', '<podbrief-brief-42@podbrief.example>'],
    ['brief-42', 'brief@PODBRIEF.example', '<podbrief-brief-42@podbrief.example>'],
    ['brief-42', 'brief@bücher.example', '<podbrief-brief-42@xn--bcher-kva.example>'],
  ])('%s from %s → %s', (key, from, id) => {
    expect(messageIdFor(key, from)).toBe(id);
  });

  it('keeps distinct keys distinct after making them safe', () => {
    expect(keySlug('a:b')).not.toBe(keySlug('a-b'));
    expect(keySlug('a:b')).toMatch(/^a-b\.[0-9a-f]{12}$/);
    expect(messageIdFor('a b<>@"x', 'b@podbrief.example')).toMatch(
      /^<podbrief-[A-Za-z0-9_-]+\.[0-9a-f]{12}@podbrief\.example>$/,
    );
  });

  it.each(['', '   ', 'x'.repeat(201)])('rejects the key %j', (key) => {
    expect(() => keySlug(key)).toThrow(expect.objectContaining({ code: 'invalid_idempotency_key' }));
  });
});

describe('parseSmtpUrl', () => {
  it('reads host, port, TLS mode, decoded credentials and flags', () => {
    expect(parseSmtpUrl('smtps://us%40er:p%3Ass@mail.example.com:465?pool=true')).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      auth: { user: 'us@er', pass: 'p:ss' },
      pool: true,
      requireTLS: false,
      label: 'mail.example.com:465',
    });
    expect(parseSmtpUrl('smtp://[::1]:2525?requireTLS=true')).toMatchObject({
      host: '::1',
      port: 2525,
      secure: false,
      auth: undefined,
      requireTLS: true,
    });
    expect(parseSmtpUrl('smtp://relay.internal')).toMatchObject({ port: 587, label: 'relay.internal:587' });
  });

  it.each(['', 'mail.example.com:25', 'https://mail.example.com', 'smtp://', 'smtp://h?debug=true', 'smtp://h?pool=1'])(
    'rejects %j',
    (url) => {
      expect(() => parseSmtpUrl(url)).toThrow(expect.objectContaining({ code: 'invalid_smtp_url' }));
    },
  );
});
