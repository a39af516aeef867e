import { describe, expect, it } from 'vitest';
import { stitchChunks } from './stitch-chunks.js';

describe('stitchChunks', () => {
  it('moves chunk times onto the episode clock and keeps a line heard by both chunks once', () => {
    const parts = [
      {
        chunk: { index: 0, start: 0, end: 65 },
        segments: [seg(0, 30, 'one'), seg(30, 58, 'two'), seg(58, 65, 'three cut')],
      },
      {
        chunk: { index: 1, start: 60, end: 120 },
        segments: [seg(0, 5, 'three whole'), seg(5, 30, 'four'), seg(30, 60, 'five')],
      },
    ];
    const out = stitchChunks(parts, 120);
    expect(out.map((s) => s.text)).toEqual(['one', 'two', 'three cut', 'four', 'five']);
    expect(out.map((s) => [s.start, s.end])).toEqual([
      [0, 30],
      [30, 58],
      [58, 65],
      [65, 90],
      [90, 120],
    ]);
  });

  it('drops a line both chunks heard and never lets times run backwards or past the end', () => {
    const parts = [
      { chunk: { index: 0, start: 0, end: 32 }, segments: [seg(0, 31, 'same words here')] },
      { chunk: { index: 1, start: 28, end: 60 }, segments: [seg(0, 4, 'same words here'), seg(1, 40, 'long tail')] },
    ];
    const out = stitchChunks(parts, 50);
    expect(out.map((s) => s.text)).toEqual(['same words here', 'long tail']);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
    expect(out.at(-1)!.end).toBeLessThanOrEqual(50);
  });
});

function seg(start: number, end: number, text: string) {
  return { start, end, text };
}
