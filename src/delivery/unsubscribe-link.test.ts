import { describe, expect, it } from 'vitest';
import {
  signUnsubscribe,
  signUserLink,
  unsubscribeUrl,
  verifyUnsubscribe,
  verifyUserLink,
} from './unsubscribe-link.js';

const SECRET = 'k3y-for-tests';

function flipChar(token: string, index: number): string {
  const ch = token[index] === 'A' ? 'B' : 'A';
  return token.slice(0, index) + ch + token.slice(index + 1);
}

describe('unsubscribe tokens', () => {
  const token = signUnsubscribe(7, SECRET);

  it('signs as 43-char base64url and verifies for the same user and secret', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signUnsubscribe(7, SECRET)).toBe(token);
    expect(verifyUnsubscribe(7, token, SECRET)).toBe(true);
  });

  it.each([
    ['a tampered first character', () => flipChar(token, 0)],
    ['a tampered middle character', () => flipChar(token, 20)],
    ['a truncated token', () => token.slice(0, -1)],
    ['a token with a character appended', () => `${token}A`],
    ['an empty token', () => ''],
    ['standard base64 padding', () => `${token}=`],
  ])('rejects %s', (_name, make) => {
    expect(verifyUnsubscribe(7, make(), SECRET)).toBe(false);
  });

  it("rejects another user's token and a token signed with another secret", () => {
    expect(verifyUnsubscribe(8, token, SECRET)).toBe(false);
    expect(verifyUnsubscribe(7, signUnsubscribe(8, SECRET), SECRET)).toBe(false);
    expect(verifyUnsubscribe(7, signUnsubscribe(7, 'other-secret'), SECRET)).toBe(false);
  });

  it('accepts a link signed by the previous key during a rotation, and only the listed keys', () => {
    const old = signUnsubscribe(7, 'the-previous-key');
    expect(verifyUnsubscribe(7, old, SECRET)).toBe(false);
    expect(verifyUnsubscribe(7, old, [SECRET, 'the-previous-key'])).toBe(true);
    expect(verifyUnsubscribe(7, token, [SECRET, 'the-previous-key'])).toBe(true);
    // An empty previous key (SECRET_KEY_PREVIOUS unset) adds nothing.
    expect(verifyUnsubscribe(7, token, [SECRET, ''])).toBe(true);
    expect(verifyUnsubscribe(7, signUnsubscribe(7, 'a-third-key'), [SECRET, 'the-previous-key'])).toBe(false);
    // The purpose still binds: a previous-key preferences token is no unsubscribe token.
    const prefs = signUserLink('preferences', 7, 'the-previous-key');
    expect(verifyUserLink('unsubscribe', 7, prefs, [SECRET, 'the-previous-key'])).toBe(false);
    expect(verifyUserLink('preferences', 7, prefs, [SECRET, 'the-previous-key'])).toBe(true);
  });

  it('rejects a non-canonical encoding that decodes to the same bytes', () => {
    // The last of 43 chars carries 2 unused bits; changing them keeps the bytes but not the string.
    const last = token.at(-1) ?? 'A';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const base = alphabet.indexOf(last) & ~0b11;
    const twins = [0, 1, 2, 3].map((bits) => token.slice(0, -1) + alphabet[base + bits]).filter((t) => t !== token);
    expect(twins).toHaveLength(3);
    for (const twin of twins) {
      expect(Buffer.from(twin, 'base64url').equals(Buffer.from(token, 'base64url'))).toBe(true);
      expect(verifyUnsubscribe(7, twin, SECRET)).toBe(false);
    }
  });

  it('rejects nonsense user ids instead of throwing', () => {
    expect(verifyUnsubscribe(Number.NaN, token, SECRET)).toBe(false);
    expect(verifyUnsubscribe(0, token, SECRET)).toBe(false);
    expect(verifyUnsubscribe(7.5, token, SECRET)).toBe(false);
  });

  it('refuses to sign with an empty secret or a bad user id', () => {
    expect(() => signUnsubscribe(7, '')).toThrow(expect.objectContaining({ code: 'missing_unsubscribe_secret' }));
    expect(() => signUnsubscribe(-1, SECRET)).toThrow(expect.objectContaining({ code: 'invalid_user_id' }));
  });

  it('builds the public URL without a doubled slash, and its token verifies', () => {
    const url = new URL(unsubscribeUrl('https://podbrief.example/app/', 7, SECRET));
    expect(`${url.origin}${url.pathname}`).toBe('https://podbrief.example/app/unsubscribe');
    expect(url.searchParams.get('u')).toBe('7');
    expect(verifyUnsubscribe(7, url.searchParams.get('t') ?? '', SECRET)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'ftp://podbrief.example',
    'not a url',
    'https://u:p@podbrief.example',
    'https://podbrief.example/?x=1',
  ])('rejects the public URL %s', (publicUrl) => {
    expect(() => unsubscribeUrl(publicUrl, 7, SECRET)).toThrow(expect.objectContaining({ code: 'invalid_public_url' }));
  });
});
