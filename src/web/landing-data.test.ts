import { describe, expect, it } from 'vitest';
import type { InsightWithContext } from '../store/types.js';
import { bestInsights } from './landing-data.js';

describe('the landing sample', () => {
  const insight = (id: number, feedId: number, score: number, headline: string) =>
    ({ id, feedId, episodeId: id, score, headline, text: `${headline}, said plainly.` }) as InsightWithContext;

  it('reads like a brief: one item per show, claims before neutral headlines, best first', () => {
    const sample = bestInsights([
      insight(1, 1, 0.9, 'Know your cost per customer'),
      insight(2, 1, 0.8, 'Fine-tune the small model'),
      insight(3, 1, 0.7, 'Route the tail to the API'),
      insight(4, 2, 0.95, 'From “Mailbag: naps and trackers”'),
      insight(5, 2, 0.5, 'Trackers misread light sleep'),
      insight(6, 3, 0.6, 'Open models trail by six months'),
    ]);
    expect(sample.map((i) => i.id)).toEqual([1, 6, 5]);
  });
});
