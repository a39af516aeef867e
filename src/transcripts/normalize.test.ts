import { describe, expect, it } from 'vitest';
import { normalizeForMatch, parseTranscript, transcriptText } from './index.js';

describe('normalizeForMatch', () => {
  it('lowercases, unifies quotes and dashes, strips punctuation and collapses whitespace', () => {
    expect(normalizeForMatch('  “Don’t   PANIC” — it’s\tfine… (really)!  ')).toBe('dont panic its fine really');
    expect(normalizeForMatch("Don't")).toBe(normalizeForMatch('Don’t'));
    expect(normalizeForMatch('well–known')).toBe(normalizeForMatch('well-known'));
    expect(normalizeForMatch('well-known')).toBe('well known');
  });

  it('keeps letters of any script, digits and accents', () => {
    expect(normalizeForMatch('Versión 2.0: ¡Qué bien!')).toBe('versión 2 0 qué bien');
    expect(normalizeForMatch('नमस्ते, दुनिया')).toBe('नमस्ते दुनिया');
    expect(normalizeForMatch('ｆｕｌｌ\u00A0width')).toBe('full width');
  });

  it('makes a quote found verbatim in a transcript match regardless of line breaks and punctuation', () => {
    const t = parseTranscript(
      '1\n00:00:01,000 --> 00:00:02,000\nIt’s so stinking nice to\n\n2\n00:00:02,000 --> 00:00:03,000\nlike, show up.\n',
    );
    expect(transcriptText(t)).toBe('It’s so stinking nice to\nlike, show up.');
    expect(normalizeForMatch(transcriptText(t))).toContain(normalizeForMatch("it's so stinking nice to like show up"));
    expect(normalizeForMatch(transcriptText(t))).not.toContain(normalizeForMatch('so nice to show up'));
  });
});
