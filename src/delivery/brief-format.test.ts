import { describe, expect, it } from 'vitest';
import { formatBriefDate, formatTimestamp, wrapText } from './brief-format.js';
import { cleanText, safeHttpUrl, truncate } from './safe-text.js';

describe('formatTimestamp', () => {
  it.each([
    [0, '0:00'],
    [59.9, '0:59'],
    [60, '1:00'],
    [754.4, '12:34'],
    [3599, '59:59'],
    [3600, '1:00:00'],
    [3725, '1:02:05'],
    [40 * 3600 + 1, '40:00:01'],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [-1, undefined],
  ])('%s s → %s', (seconds, label) => {
    expect(formatTimestamp(seconds)).toBe(label);
  });
});

describe('formatBriefDate', () => {
  it.each([
    ['2026-11-29', 'Sun, 29 Nov'],
    ['2024-02-29', 'Thu, 29 Feb'],
    ['2027-01-01', 'Fri, 1 Jan'],
  ])('%s → %s', (date, label) => {
    expect(formatBriefDate(date)).toBe(label);
  });

  it.each(['2026-02-30', '2026-13-01', '29/11/2026', '', '2026-11-29T00:00:00Z'])('rejects %j', (date) => {
    expect(() => formatBriefDate(date)).toThrow(expect.objectContaining({ code: 'invalid_brief_date' }));
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://a.example/x?y=1#t=5', 'https://a.example/x?y=1#t=5'],
    ['  http://a.example  ', 'http://a.example/'],
    ['https://a.example/"><script>', 'https://a.example/%22%3E%3Cscript%3E'],
    ['javascript:alert(1)', undefined],
    [' JAVASCRIPT:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['vbscript:msgbox', undefined],
    ['//a.example/x', undefined],
    ['https://google.com@evil.example/', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (raw, expected) => {
    expect(safeHttpUrl(raw)).toBe(expected);
  });
});

describe('text helpers', () => {
  it('cleanText collapses whitespace and removes control and bidi characters', () => {
    expect(cleanText(' a\r\n\tb\u0000c\u2028d\u202ee ')).toBe('a b c d e');
    expect(cleanText(undefined)).toBe('');
  });

  it('truncate cuts at a word boundary and never splits a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(truncate('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });

  it('wrapText wraps at the width with an indent and keeps long URLs whole', () => {
    const url = `https://a.example/${'x'.repeat(90)}`;
    const wrapped = wrapText(`one two three ${url} four`, 20, '  ');
    expect(wrapped.split('\n')).toEqual(['  one two three', `  ${url}`, '  four']);
  });
});
