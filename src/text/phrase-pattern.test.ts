import { describe, expect, it } from 'vitest';
import { phrasePattern } from './phrase-pattern.js';

describe('phrasePattern', () => {
  it('matches any phrase, literally', () => {
    const re = phrasePattern(['promo code', 'example.com (new)']);
    expect(re.test('use promo code x')).toBe(true);
    expect(re.test('use promo codex')).toBe(true);
    expect(re.test('use promo-code')).toBe(false);
    expect(re.test('visit example.com (new)')).toBe(true);
    expect(re.test('visit exampleXcom new')).toBe(false);
  });

  it('keeps the variants of a RegExp phrase', () => {
    const re = phrasePattern(['sign up', /use (the )?code/]);
    expect(re.test('use the code')).toBe(true);
    expect(re.test('use code')).toBe(true);
    expect(re.test('use a code')).toBe(false);
  });

  it('anchors where asked and applies the flags to the whole', () => {
    expect(phrasePattern(['it'], { start: 'text', end: 'word' }).test('it is')).toBe(true);
    expect(phrasePattern(['it'], { start: 'text', end: 'word' }).test('so it is')).toBe(false);
    expect(phrasePattern(['it'], { start: 'text', end: 'word' }).test('its')).toBe(false);
    expect(phrasePattern(['code'], { start: 'any' }).test('barcode')).toBe(true);
    expect(phrasePattern(['code']).test('barcode')).toBe(false);
    expect(phrasePattern(['never', /myths?/], { end: 'word', flags: 'i' }).test('NEVER')).toBe(true);
    expect(phrasePattern(['never', /myths?/], { end: 'word', flags: 'i' }).test('Myths')).toBe(true);
  });
});
