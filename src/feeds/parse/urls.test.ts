import { describe, expect, it } from 'vitest';
import { cleanUrl } from './urls.js';

/** What cleanUrl returns by the URL parser alone: its fast path must never differ from this. */
function parsed(raw: string, base?: string): string | undefined {
  const text = raw.trim();
  if (!text || text.length > 2048) return undefined;
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const HOSTS = [
  'a.com',
  'A.com',
  'cdn.example.co.uk',
  'localhost',
  'a.123',
  'a.0x1f',
  '1.2.3.4',
  'xn--bcher-kva.de',
  'xn--a.de',
  'sub.xn--zz.com',
  'a-.b',
  'a..b',
  'a.com.',
  'user@a.com',
  'a.com:80',
  'a.com:8080',
  'münchen.de',
  '-a.com',
];
const PATHS = [
  '/',
  '',
  '/ep.mp3',
  '/a/./b',
  '/a/../b',
  '/./x',
  '/%2e%2E/x',
  '/%2E/x',
  '/.well-known/x',
  '/a%20b',
  '/a b',
  '/a%zzb',
  '/A/B.MP3',
  "/it's",
  '/a|b',
  '/a[1]',
  '/a^b',
  '/a\\b',
  '/é',
  '/a//b',
  '/a/.',
  '/a/..',
  '/~user/(x)*+,;=:@!$&',
];
const QUERIES = ['', '?', '?a=b&c=d', "?q='x'", '?a=b c', '?a=%41', '?a=/b?c', '?x=<y>', '?e=é', '#frag', '?a=b#c'];

describe('cleanUrl', () => {
  it('returns what the URL parser makes of every scheme, host, path and query combination', () => {
    for (const scheme of ['http://', 'https://', 'HTTP://', 'Https://', 'ftp://', 'javascript:']) {
      for (const host of HOSTS) {
        for (const path of PATHS) {
          for (const query of QUERIES) {
            const raw = `${scheme}${host}${path}${query}`;
            expect(cleanUrl(raw), raw).toBe(parsed(raw));
          }
        }
      }
    }
  });

  it('resolves relative links against the base, trims, and bounds the length', () => {
    for (const raw of [
      'ep.mp3',
      '/ep.mp3',
      '//cdn.example.com/x',
      '  https://a.com/x  ',
      `https://a.com/${'x'.repeat(2100)}`,
      '',
    ]) {
      expect(cleanUrl(raw, 'https://example.com/feed/'), raw).toBe(parsed(raw, 'https://example.com/feed/'));
    }
    expect(cleanUrl('ep.mp3')).toBeUndefined();
  });
});
