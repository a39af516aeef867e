import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../index.js';

const text = (body: string) => parseTranscript(body, { type: 'text/plain' });

describe('plain text', () => {
  it('reads HH:MM:SS and [00:01:02] stamps, with Name: speakers', () => {
    const t = text(
      '00:00:00 Welcome to the show.\n\n[00:01:02] Guest: Thanks for having me.\nI mean it.\n\n01:02:03 - Host: Bye.\n',
    );
    expect(t.source).toBe('published:text');
    expect(t.segments).toEqual([
      { start: 0, end: 62, text: 'Welcome to the show.' },
      { start: 62, end: 3723, speaker: 'Guest', text: 'Thanks for having me. I mean it.' },
      { start: 3723, end: 3724, speaker: 'Host', text: 'Bye.' },
    ]);
  });

  it("reads Otter-style `Name  0:03` headers followed by the turn's text", () => {
    const t = text('Jane Smith  0:03\nFirst turn text.\n\nBob  1:15\nSecond turn.\n');
    expect(t.segments.map((s) => [s.start, s.speaker, s.text])).toEqual([
      [3, 'Jane Smith', 'First turn text.'],
      [75, 'Bob', 'Second turn.'],
    ]);
  });

  it('without timestamps gives paragraphs with 150 wpm estimates, all marked untimed', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const t = text(`${words(25)}\n${words(5)}\n\n${words(10)}\n`);
    expect(t.segments.map((s) => [s.start, s.end, s.text.split(' ').length, s.untimed])).toEqual([
      [0, 12, 30, true],
      [12, 16, 10, true],
    ]);
  });

  it('treats a single time-looking line in prose as text, not as a timestamp', () => {
    const t = text('10:30 in the morning we met.\nThen we talked.');
    expect(t.segments.every((s) => s.untimed)).toBe(true);
    expect(t.segments[0]?.text).toBe('10:30 in the morning we met.');
  });

  it('marks text before the first stamp as untimed and skips 99:99:99 stamps', () => {
    const t = text('Intro words.\n\n00:00:05 First.\n99:99:99 Garbage stamp stays text.\n00:00:09 Second.\n');
    expect(t.segments.map((s) => [s.start, s.text, s.untimed])).toEqual([
      [0, 'Intro words.', true],
      [5, 'First. 99:99:99 Garbage stamp stays text.', undefined],
      [9, 'Second.', undefined],
    ]);
  });

  it('sorts stamps that go backwards', () => {
    const t = text('00:00:10 later\n00:00:02 earlier\n00:00:20 last\n');
    expect(t.segments.map((s) => [s.start, s.end, s.text])).toEqual([
      [2, 10, 'earlier'],
      [10, 20, 'later'],
      [20, 21, 'last'],
    ]);
  });
});
