import { describe, expect, it } from 'vitest';
import { matchWords } from '../../transcripts/normalize.js';
import { isQuoteGrounded } from '../grounding.js';
import { groundInsights } from './ground.js';
import { locateQuote } from './locate-quote.js';
import { showTranscript, transcriptOf } from './test-support/fixtures.js';
import { wordIndex } from './word-index.js';

const t = showTranscript();
const index = wordIndex(t);
const all = { from: 0, to: index.words.length };
const find = (quote: string) => locateQuote(matchWords(quote), index, all);
const words = (m: { first: number; last: number } | undefined) => m && index.words.slice(m.first, m.last + 1).join(' ');

describe('locateQuote', () => {
  it('finds an exact quote whatever its case and punctuation', () => {
    expect(words(find('we MEASURED it across forty teams — and Friday deploys'))).toBe(
      'we measured it across forty teams and friday deploys',
    );
    expect(find('we measured it across forty teams and friday deploys')?.edits).toBe(0);
  });

  it('allows up to 10% word edits (substitution, insertion, deletion) and no more', () => {
    const exact =
      'the cheapest reliability win is a rollback button that anyone on the team can press without asking permission';
    expect(find(exact.replace('anyone', 'anybody'))).toMatchObject({ edits: 1 });
    expect(words(find(exact.replace('a rollback', 'rollback')))).toBe(exact);
    expect(find(exact.replace('team can', 'whole team can'))).toMatchObject({ edits: 1 });
    expect(find(exact.replace('anyone', 'anybody').replace('asking', 'getting'))).toBeUndefined();
    // 9 words allow no edit at all.
    expect(find('we measured it across thirty teams and friday deploys')).toBeUndefined();
  });

  it('refuses quotes too short to prove anything, and words that are not there', () => {
    expect(find('three times')).toBeUndefined();
    expect(find('friday deploys are banned by law in most european countries')).toBeUndefined();
  });

  it('looks only inside the given range and prefers the occurrence nearest the hint', () => {
    const twice = transcriptOf([
      { start: 0, end: 5, text: 'Ship small changes every single day please.' },
      { start: 5, end: 9, text: 'Something else entirely here.' },
      { start: 9, end: 14, text: 'Ship small changes every single day please.' },
    ]);
    const ix = wordIndex(twice);
    const q = matchWords('ship small changes every single day');
    const seconds = (w: number) => twice.segments[ix.segmentOf[w] ?? 0]!.start;
    expect(locateQuote(q, ix, { from: 0, to: ix.words.length })?.first).toBe(0);
    expect(
      ix.segmentOf[locateQuote(q, ix, { from: 0, to: ix.words.length }, (w) => Math.abs(seconds(w) - 10))!.first],
    ).toBe(2);
    expect(locateQuote(q, ix, { from: 0, to: 7 + 4 })?.first).toBe(0);
    expect(locateQuote(q, ix, { from: 8, to: ix.words.length })?.first).toBe(11);
  });
});

describe('groundInsights', () => {
  const item = (quote: string) => ({
    headline: 'A headline',
    text: 'A paragraph long enough to be an insight here.',
    quote,
    start_seconds: null,
    speaker: 'Someone Else',
  });

  it('takes quote, times and speaker from the transcript, and the quote passes isQuoteGrounded', () => {
    const { kept } = groundInsights(
      [item('because nobody is around to watch the rollout so small problems grow')],
      t,
      { first: 0, last: 10 },
      0,
    );
    expect(kept[0]?.insight).toMatchObject({
      quote: 'Because nobody is around to watch the rollout, so small problems grow',
      start: 30,
      end: 41,
      speaker: 'Ben',
    });
    expect(isQuoteGrounded(kept[0]!.insight.quote, t)).toBe(true);
  });

  it('names no speaker when the quote spans two of them, and none the transcript does not name', () => {
    const { kept } = groundInsights(
      [item('why do you think that is? Because nobody is around to watch the rollout')],
      t,
      { first: 0, last: 10 },
      0,
    );
    expect(kept[0]?.insight).not.toHaveProperty('speaker');
    expect(kept[0]?.insight).toMatchObject({ start: 22, end: 41 });
  });

  it('drops a quote outside the chunk’s segments', () => {
    const { kept, dropped } = groundInsights(
      [item('because nobody is around to watch the rollout so small problems grow')],
      t,
      { first: 5, last: 10 },
      0,
    );
    expect(kept).toHaveLength(0);
    expect(dropped).toEqual([
      {
        reason: 'quote_not_in_transcript',
        quote: 'because nobody is around to watch the rollout so small problems grow',
      },
    ]);
  });
});
