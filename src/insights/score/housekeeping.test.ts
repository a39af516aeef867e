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
    const body = Array.from({ length: 38 }, (_, i) => `Point number ${i + 1} is that heavy squats need a slow and steady tempo.`);
    const doc = unlabelled(['Hey everybody, good to have you here.', "On today's show we talk about squats and tempo.", ...body]);
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
  it('excludes talk about the listeners and the host\'s other shows, not the topic', () => {
    // Talk Python 507: the guest speaks to the audience and the host's other podcast.
    const lines = [
      "So hopefully that's also relevant for listeners who are like, man, I'm not super interested in AI applications.",
      'I recall you chatted on your developer trends for 2025 forecast podcast about getting started in Python.',
      'Agents have the power to use tools, which are basically like API calls.',
    ];
    const doc = unlabelled(lines);
    const { excluded } = findHousekeeping(doc);
    const at = (text: string): boolean => excluded[doc.sentences.findIndex((s) => doc.layout.text.slice(s.charStart, s.charEnd).includes(text))] === true;
    expect(at('relevant for listeners')).toBe(true);
    expect(at('on your developer trends')).toBe(true);
    expect(at('Agents have the power')).toBe(false);
  });
});
