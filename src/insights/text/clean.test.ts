import { describe, expect, it } from 'vitest';
import { analyse } from '../nlp/tokens.js';
import { cleanText } from './clean.js';

const clean = (text: string): string => cleanText(analyse(text).tokens);

describe('cleanText', () => {
  it('drops fillers, stutters and asides without touching the claim', () => {
    expect(clean('Um, so the the key is, you know, to ship small changes.')).toBe('The key is to ship small changes.');
    expect(clean('I mean, we we tried it, uh, twice and it failed.')).toBe('We tried it twice and it failed.');
  });

  it('collapses repeated phrases and short false starts', () => {
    expect(clean("It's, it's the hardest part of the job.")).toBe("It's the hardest part of the job.");
    expect(clean('We were — we built the cache first.')).toBe('We built the cache first.');
  });

  it('keeps words whose doubling or position carries meaning', () => {
    expect(clean('I think that that approach works.')).toBe('I think that that approach works.');
    expect(clean('So many teams skip tests.')).toBe('So many teams skip tests.');
    expect(clean('Well designed APIs age well.')).toBe('Well designed APIs age well.');
    expect(clean('Things like Django matter.')).toBe('Things like Django matter.');
  });

  it('capitalises and closes the sentence', () => {
    expect(clean('and the answer is yes')).toBe('The answer is yes.');
    expect(clean('yeah. the cost went down by half.')).toBe('The cost went down by half.');
  });
});
