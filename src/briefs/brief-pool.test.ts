import { describe, expect, it } from 'vitest';
import { indexEntryFor } from '../related/insight-index.js';
import type { InsightWithContext } from '../store/types.js';
import { buildBriefPool } from './brief-pool.js';

const NOW = new Date('2026-12-07T06:00:00Z');
const SEEN = new Date(NOW.getTime() - 86_400_000).toISOString();

function insight(
  id: number,
  feedId: number,
  episodeId: number,
  score: number,
  fromShowNotes = false,
  retired = false,
): InsightWithContext {
  const text = `Insight ${id} of episode ${episodeId} says something about topic ${id}.`;
  return {
    id,
    episodeId,
    feedId,
    text,
    headline: text,
    quote: text,
    start: 0,
    end: 30,
    score,
    podcastTitle: `show ${feedId}`,
    episodeTitle: `episode ${episodeId}`,
    episodeLink: null,
    audioUrl: null,
    publishedAt: SEEN,
    firstSeenAt: SEEN,
    extractedAt: SEEN,
    ...(fromShowNotes ? { fromShowNotes } : {}),
    ...(retired ? { retired: true as const } : {}),
  };
}

describe('buildBriefPool quality', () => {
  it("weighs an insight against its show's best, so a flat episode's runners-up do not rank with a strong episode's", () => {
    const insights = [
      insight(1, 1, 10, 0.5), // strong episode: its best and a close second
      insight(2, 1, 10, 0.45),
      insight(3, 1, 20, 0.25), // flat episode of the same show, as fresh: nothing stands out
      insight(4, 1, 20, 0.24),
      insight(5, 2, 30, 0.9, true), // show notes of another show: its best, below a transcript's best
    ];
    const pool = buildBriefPool(insights, new Map(insights.map((i) => [i.id, indexEntryFor(i)])), { now: NOW });
    const base = (id: number) => pool.base[insights.findIndex((i) => i.id === id)] as number;
    expect(base(4)).toBeLessThan(base(2));
    expect(base(3)).toBeLessThan(base(2));
    expect(base(5)).toBeLessThan(base(1));
  });

  it("leaves a retired insight out of its show's best: an older, higher-scoring extraction does not lower the current ones", () => {
    const current = [insight(1, 1, 10, 0.5), insight(2, 1, 20, 0.5)];
    const withRetired = [...current, insight(3, 1, 10, 0.9, false, true)];
    const baseOf = (insights: InsightWithContext[], id: number) => {
      const pool = buildBriefPool(insights, new Map(insights.map((i) => [i.id, indexEntryFor(i)])), { now: NOW });
      return pool.base[insights.findIndex((i) => i.id === id)] as number;
    };
    expect(baseOf(withRetired, 1)).toBe(baseOf(current, 1));
    expect(baseOf(withRetired, 2)).toBe(baseOf(current, 2));
  });

  it('weighs transcript and show-notes insights of one show against the best of their own source', () => {
    const current = [insight(1, 1, 10, 0.5), insight(2, 1, 20, 0.4)];
    // The same show's notes score on another scale: a high one does not lower its transcript insights.
    const withNotes = [...current, insight(3, 1, 30, 0.9, true)];
    const baseOf = (insights: InsightWithContext[], id: number) => {
      const pool = buildBriefPool(insights, new Map(), { now: NOW });
      return pool.base[insights.findIndex((i) => i.id === id)] as number;
    };
    expect(baseOf(withNotes, 1)).toBe(baseOf(current, 1));
    expect(baseOf(withNotes, 2)).toBe(baseOf(current, 2));
  });
});
