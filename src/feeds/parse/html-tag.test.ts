import { describe, expect, it } from 'vitest';
import { plainTag, readPlainTag } from './html-tag.js';

// The pattern readPlainTag replaces, kept here as the reference it must agree with.
const WS = '[ \\t\\n\\r\\f]';
const ATTR = `[A-Za-z_:][-A-Za-z0-9_:.]*(?:${WS}*=${WS}*(?:"[^"]*"|'[^']*'|[^ \\t\\n\\r\\f"'=<>\`]+))?`;
const TAG = new RegExp(`<(?:/([A-Za-z][A-Za-z0-9]*)${WS}*|([A-Za-z][A-Za-z0-9]*)(?:${WS}+${ATTR})*${WS}*/?)>`, 'y');

function reference(html: string): { end: number; name?: string; closing?: boolean } {
  TAG.lastIndex = 0;
  const m = TAG.exec(html);
  if (!m) return { end: -1 };
  return { end: TAG.lastIndex, name: m[1] ?? m[2], closing: m[1] !== undefined };
}

function read(html: string): { end: number; name?: string; closing?: boolean } {
  const end = readPlainTag(html, 0);
  return end < 0 ? { end } : { end, name: plainTag.name, closing: plainTag.closing };
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible input. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
const SPACES = ['', ' ', '  ', '\t', '\n', '\f', '\v', '\r\n'];
const NAMES = ['p', 'A', 'h2', 'br', 'blockquote', '1a', 'x-y', ':a', '_b', 'é'];
const VALUES = ['"v"', "'v'", '"a>b"', "'it''s'", 'v', 'a.png/', 'x`y', '"open', '', '<', 'a=b'];
const NOISE = ['<', '>', '/', '=', '"', "'", '`', ' ', 'é', '&', '\v'];

/** A tag built to match, then at times mutated at one place, so near misses are common too. */
function tagLike(next: () => number): string {
  let html = `<${next() < 0.3 ? '/' : ''}${pick(next, NAMES)}`;
  const attrs = Math.floor(next() * 4);
  for (let a = 0; a < attrs; a++) {
    html += `${pick(next, SPACES)}${pick(next, NAMES)}`;
    if (next() < 0.7) html += `${pick(next, SPACES)}=${pick(next, SPACES)}${pick(next, VALUES)}`;
  }
  html += `${pick(next, SPACES)}${next() < 0.2 ? '/' : ''}>`;
  if (next() < 0.4) {
    // Never the `<` itself: readPlainTag is called at one.
    const at = 1 + Math.floor(next() * (html.length - 1));
    const cut = next() < 0.5 ? 1 : 0;
    html = html.slice(0, at) + pick(next, NOISE) + html.slice(at + cut);
  }
  return html;
}

describe('readPlainTag', () => {
  it('reads the tags the reference pattern matches, and refuses the rest', () => {
    for (const html of [
      '<p>',
      '</p >',
      '<a href="x>y" title=\'t\'>',
      '<img src=a.png/>',
      '<P CLASS=x>',
      '<br/>',
      '<a b="c"d>',
      '</ p>',
      '<p',
      '<a b= >',
      '<a b=`x`>',
      '<a b/c>',
      '<a\tb\n=\n"c"\f/>',
    ]) {
      expect(read(html), html).toEqual(reference(html));
    }
  });

  it('agrees with the reference pattern on 20,000 random tag-like strings', () => {
    const next = random(13);
    let matched = 0;
    for (let n = 0; n < 20_000; n++) {
      const html = tagLike(next);
      const expected = reference(html);
      if (expected.end >= 0) matched++;
      expect(read(html), JSON.stringify(html)).toEqual(expected);
    }
    // Both outcomes must be well represented for the agreement to mean something.
    expect(matched).toBeGreaterThan(1_000);
    expect(matched).toBeLessThan(19_000);
  });
});
