import { describe, expect, it } from 'vitest';
import type { Transcript } from '../model/transcript.js';
import { isQuoteGrounded } from './grounding.js';

const t: Transcript = {
  source: 'published:srt',
  hash: 'h',
  segments: [
    { start: 0, end: 4, text: 'We don’t ship on Fridays —' },
    { start: 4, end: 9, text: 'ever.   It\'s a "rule" we keep.' },
  ],
};

describe('isQuoteGrounded', () => {
  it('finds quotes across segments whatever the quotes, dashes, case and spacing', () => {
    expect(isQuoteGrounded("we don't ship on fridays - ever", t)).toBe(true);
    expect(isQuoteGrounded('Fridays ever. It’s a “rule”', t)).toBe(true);
  });

  it('rejects words that are not there, partial words and empty quotes', () => {
    expect(isQuoteGrounded('we never ship on fridays', t)).toBe(false);
    expect(isQuoteGrounded('ship on Friday', t)).toBe(false);
    expect(isQuoteGrounded(' ... ', t)).toBe(false);
  });
});
