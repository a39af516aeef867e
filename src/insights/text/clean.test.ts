import { describe, expect, it } from 'vitest';
import { analyse } from '../../text/index.js';
import { cleanText, keepMask, renderKept } from './clean.js';

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

  it('leaves no doubled word behind once a filler between the two is gone', () => {
    expect(clean('Those people are rare in, uh, in logistics.')).toBe('Those people are rare in logistics.');
    expect(clean('It was the, um, the best year we had.')).toBe('It was the best year we had.');
    expect(clean('We shipped it in, you know, in two weeks.')).toBe('We shipped it in two weeks.');
  });

  it('treats a hyphen inside a word as part of the word, not as a false start', () => {
    expect(clean('As I mentioned, and having end-to-end responsibility for products.')).toBe(
      'As I mentioned, and having end-to-end responsibility for products.',
    );
    expect(clean('So I went to the- to the store.')).toBe('I went to the store.');
  });

  it('drops a "because" that pauses at the start, keeping one that fronts a claim', () => {
    expect(clean('Because, all of a sudden, we have to run the cluster ourselves.')).toBe(
      'All of a sudden, we have to run the cluster ourselves.',
    );
    expect(clean('Because the cluster failed, we moved to managed nodes.')).toBe(
      'Because the cluster failed, we moved to managed nodes.',
    );
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

describe('transcriber notes', () => {
  it('drops "[inaudible 00:41:09]" and "(laughs)" but keeps what was said in brackets', () => {
    expect(clean('These are people [inaudible 00:41:09] that have families.')).toBe(
      'These are people that have families.',
    );
    expect(clean('We shipped it on a Friday (laughs) and it broke.')).toBe('We shipped it on a Friday and it broke.');
    expect(clean('We moved to the new cluster (the old one was full) last week.')).toBe(
      'We moved to the new cluster (the old one was full) last week.',
    );
    expect(clean('We shipped it [inaudible [crosstalk]] on a Friday.')).toBe('We shipped it on a Friday.');
    expect(clean('These are people (inaudible 00:41:09) that have families.')).toBe(
      'These are people that have families.',
    );
    expect(clean('We shipped it on a Friday (laughs.) and it broke.')).toBe('We shipped it on a Friday and it broke.');
    expect(clean('They [OpenAI] shipped the model in March.')).toBe('They [OpenAI] shipped the model in March.');
    expect(clean('Read the docs at [Stripe](https://stripe.com) first.')).toBe(
      'Read the docs at [Stripe](https://stripe.com) first.',
    );
    expect(clean('We shipped it [never closed and kept talking.')).toBe(
      'We shipped it [never closed and kept talking.',
    );
  });
});

describe('keepMask on written text', () => {
  it('drops only the opening markers: a dash sets off an aside and an "uh" is meant', () => {
    const text = 'And we end, uh, with a song — from the band — about the war.';
    const { tokens } = analyse(text);
    expect(renderKept(tokens, keepMask(tokens, { written: true }))).toBe(
      'We end, uh, with a song — from the band — about the war.',
    );
    const trump = analyse('And Donald Trump gets a visit from the two Bobs.').tokens;
    expect(renderKept(trump, keepMask(trump, { written: true }))).toBe('Donald Trump gets a visit from the two Bobs.');
    for (const kept of [
      'You know Taylor Swift, but do you know the producer?',
      'Or so the Pentagon claims, anyway.',
      'And Then There Were None is the best-selling mystery.',
      'I mean to prove it, says the prosecutor.',
    ]) {
      const t = analyse(kept).tokens;
      expect(renderKept(t, keepMask(t, { written: true }))).toBe(kept);
    }
    // Spoken, the same words lose their filler.
    expect(renderKept(tokens, keepMask(tokens))).not.toContain('uh');
  });
});
