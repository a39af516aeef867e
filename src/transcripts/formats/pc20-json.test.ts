import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../index.js';

describe('Podcasting 2.0 JSON', () => {
  it('joins lines of one cue published with the same times', () => {
    const t = parseTranscript(
      JSON.stringify({
        version: '1.0.0',
        segments: [
          { speaker: 'A', startTime: 0, endTime: 2, body: 'first line' },
          { speaker: 'A', startTime: 0, endTime: 2, body: 'second line' },
          { speaker: 'B', startTime: 2, endTime: 4, body: 'reply' },
        ],
      }),
      { type: 'application/json', language: 'en' },
    );
    expect(t).toMatchObject({ source: 'published:json', language: 'en' });
    expect(t.segments).toEqual([
      { start: 0, end: 2, speaker: 'A', text: 'first line second line' },
      { start: 2, end: 4, speaker: 'B', text: 'reply' },
    ]);
  });

  it('merges word-level items into sentences, splitting on speaker change and pauses', () => {
    const words = [
      ['A', 0, 0.4, 'Hello'],
      ['A', 0.4, 0.8, 'there.'],
      ['A', 0.9, 1.2, 'How'],
      ['A', 1.2, 1.5, 'are'],
      ['B', 1.6, 1.9, 'Fine'],
      ['B', 1.9, 2.2, 'thanks'],
      ['B', 6, 6.3, 'later'],
      ['B', 6.3, 6.6, 'words'],
    ] as const;
    const t = parseTranscript(
      JSON.stringify({
        segments: words.map(([speaker, startTime, endTime, body]) => ({ speaker, startTime, endTime, body })),
      }),
    );
    expect(t.segments.map((s) => [s.speaker, s.start, s.end, s.text])).toEqual([
      ['A', 0, 0.8, 'Hello there.'],
      ['A', 0.9, 1.5, 'How are'],
      ['B', 1.6, 2.2, 'Fine thanks'],
      ['B', 6, 6.6, 'later words'],
    ]);
    expect(t.segments[0]?.words).toEqual([
      { start: 0, end: 0.4, text: 'Hello' },
      { start: 0.4, end: 0.8, text: 'there.' },
    ]);
  });
});
