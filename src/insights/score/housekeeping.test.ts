import { describe, expect, it } from 'vitest';
import type { Segment } from '../../model/transcript.js';
import { readEpisode } from '../document/index.js';
import { findHousekeeping } from './housekeeping.js';

/** A caption-style transcript: no speaker labels, so the whole episode is one turn. */
function unlabelled(lines: string[]): ReturnType<typeof readEpisode> {
  const segments: Segment[] = lines.map((text, i) => ({ start: i * 30, end: i * 30 + 28, text }));
  return readEpisode({ segments, source: 'published:text', hash: 'unlabelled' });
}

describe('findHousekeeping', () => {
  it('ends an intro with the opening of an episode that has no speaker labels', () => {
    const body = Array.from(
      { length: 38 },
      (_, i) => `Point number ${i + 1} is that heavy squats need a slow and steady tempo.`,
    );
    const doc = unlabelled([
      'Hey everybody, good to have you here.',
      "On today's show we talk about squats and tempo.",
      ...body,
    ]);
    const { preamble } = findHousekeeping(doc);
    const sentenceOf = (text: string): number =>
      doc.sentences.findIndex((s) => doc.layout.text.slice(s.charStart, s.charEnd).includes(text));
    expect(preamble[sentenceOf("On today's show")]).toBe(true);
    expect(preamble[sentenceOf('Point number 2 ')]).toBe(true);
    expect(preamble[sentenceOf('Point number 20 ')]).toBe(false);
    expect(preamble[sentenceOf('Point number 38 ')]).toBe(false);
  });
});

describe('show talk', () => {
  it("excludes talk about the listeners and the host's other shows, not the topic", () => {
    // Talk Python 507: the guest speaks to the audience and the host's other podcast.
    const lines = [
      "So hopefully that's also relevant for listeners who are like, man, I'm not super interested in AI applications.",
      'I recall you chatted on your developer trends for 2025 forecast podcast about getting started in Python.',
      'Agents have the power to use tools, which are basically like API calls.',
    ];
    const doc = unlabelled(lines);
    const { excluded } = findHousekeeping(doc);
    const at = (text: string): boolean =>
      excluded[doc.sentences.findIndex((s) => doc.layout.text.slice(s.charStart, s.charEnd).includes(text))] === true;
    expect(at('relevant for listeners')).toBe(true);
    expect(at('on your developer trends')).toBe(true);
    expect(at('Agents have the power')).toBe(false);
  });

  it('keeps claims that merely mention listeners or a show', () => {
    // Things a podcast-industry show says that are takeaways, not housekeeping.
    const claims = [
      'Ads that are relevant to listeners convert about twice as well as generic spots.',
      'Listeners who finish an episode are three times more likely to buy from the sponsor.',
      'Dynamic ad insertion lets a network sell the same episode to listeners in forty different cities.',
      'Radio lost half its value for listeners once streaming gave them an on-demand option.',
      'Focus on your customers and the data will show you where to go next.',
      'Depending on your margins, a trade show can be your most expensive channel.',
      'If you run ads on your show in the first minute, you lose a third of your audience.',
    ];
    const doc = unlabelled(claims);
    const { excluded } = findHousekeeping(doc);
    expect(claims.filter((_, i) => excluded[i])).toEqual([]);
  });
});
