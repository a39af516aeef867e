import { describe, expect, it } from 'vitest';
import { recogniseRepublished } from './index.js';

const stored = [
  { guid: 'a', title: 'Alpha', audioUrl: 'https://cdn.example/a.mp3', publishedAt: '2026-01-01T00:00:00.000Z' },
  { guid: 'b', title: 'Beta', audioUrl: 'https://cdn.example/b.mp3', publishedAt: '2026-01-02T00:00:00.000Z' },
  { guid: 'c', title: 'Gamma', audioUrl: null, publishedAt: '2026-01-03T00:00:00.000Z' },
];

describe('recogniseRepublished', () => {
  it('gives an item with a new GUID the stored GUID of the episode with its enclosure, or its title and date', () => {
    const { episodes, republished } = recogniseRepublished(
      [
        { guid: 'x1', title: 'Alpha (remastered)', audioUrl: 'https://cdn.example/a.mp3' },
        {
          guid: 'x2',
          title: 'beta ',
          audioUrl: 'https://moved.example/b.mp3',
          publishedAt: 'Fri, 02 Jan 2026 00:00:00 GMT',
        },
        { guid: 'c', title: 'Gamma' },
        { guid: 'x4', title: 'Delta', audioUrl: 'https://cdn.example/d.mp3', publishedAt: '2026-01-04T00:00:00Z' },
      ],
      stored,
    );
    expect(episodes.map((e) => e.guid)).toEqual(['a', 'b', 'c', 'x4']);
    expect(republished).toBe(2);
  });

  it('leaves alone a stored episode still listed under its own GUID, one already matched, and shared enclosures', () => {
    const { episodes, republished } = recogniseRepublished(
      [
        { guid: 'a', title: 'Alpha', audioUrl: 'https://cdn.example/a.mp3' },
        { guid: 'y1', title: 'Alpha again', audioUrl: 'https://cdn.example/a.mp3' },
        { guid: 'y2', title: 'Beta', publishedAt: '2026-01-02T00:00:00Z' },
        { guid: 'y3', title: 'Beta', publishedAt: '2026-01-02T00:00:00Z' },
      ],
      stored,
    );
    expect(episodes.map((e) => e.guid)).toEqual(['a', 'y1', 'b', 'y3']);
    expect(republished).toBe(1);
  });
});
