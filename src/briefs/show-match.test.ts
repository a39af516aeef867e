import { describe, expect, it } from 'vitest';
import { indexEntryFor } from '../related/insight-index.js';
import type { InsightWithContext, ShowText } from '../store/types.js';
import { buildBriefPool, type BriefPool } from './brief-pool.js';
import { toBriefItems } from './brief-items.js';
import { buildProfile } from './profile.js';
import { rankBruteForce, rankForProfile } from './rank-profile.js';

const NOW = new Date('2026-12-07T06:00:00Z');
const SEEN = new Date(NOW.getTime() - 3_600_000).toISOString();

const SHOWS: Record<number, ShowText & { title: string }> = {
  1: {
    title: 'Garden Hour',
    description: 'Growing vegetables, fruit trees and flowers at home, season by season.',
    categories: [],
  },
  2: {
    title: 'The Weekly Roundup',
    description: 'Our team covers the latest in politics: the campaigns, the polls and the issues that decide them.',
    categories: [],
  },
  3: {
    title: 'Bench Notes',
    description: 'Woodworkers talk about their tools, their shops and the furniture they build.',
    categories: [],
  },
  // Its words say nothing of politics; only the category it files itself under does.
  4: {
    title: 'Evening Desk',
    description: 'Long conversations with reporters about the stories behind the headlines.',
    categories: ['News', 'Politics'],
  },
};

function insight(id: number, feedId: number, text: string): InsightWithContext {
  return {
    id,
    // One insight per episode: each is its episode's best, so all have the same quality.
    episodeId: id * 10,
    feedId,
    text,
    headline: text.split(' ').slice(0, 6).join(' '),
    quote: text,
    start: 60,
    end: 90,
    score: 0.8,
    podcastTitle: SHOWS[feedId]?.title ?? `show ${feedId}`,
    episodeTitle: `episode ${id}`,
    episodeLink: null,
    audioUrl: null,
    publishedAt: SEEN,
    firstSeenAt: SEEN,
    extractedAt: SEEN,
  };
}

function pool(
  insights: InsightWithContext[],
  shows: ReadonlyMap<number, ShowText> = new Map(Object.entries(SHOWS).map(([k, v]) => [Number(k), v])),
): BriefPool {
  return buildBriefPool(insights, new Map(insights.map((i) => [i.id, indexEntryFor(i)])), { now: NOW, shows });
}

const request = { size: 3, since: new Date(0), sent: new Set<number>() };
const showsOf = (p: BriefPool, picks: Array<{ index: number }>) => picks.map((x) => p.insights[x.index]?.podcastTitle);

// Neither says anything about politics: only their shows differ. The unrelated one has the
// lower id, so it would come first on a tie.
const fromGardenShow = insight(1, 1, 'Most people underestimate how long a careful plan takes to finish properly.');
const fromPoliticsShow = insight(2, 2, 'Nobody remembers the quiet months when the real decisions were already made.');

describe('an interest matches the shows about it, not only the insights that name it', () => {
  it('ranks an insight from a show about the interest above an equally good one from an unrelated show', () => {
    const p = pool([fromGardenShow, fromPoliticsShow]);
    const profile = buildProfile({ interests: ['politics'] }, { now: NOW });
    const picks = rankForProfile(p, profile, request);
    expect(showsOf(p, picks)).toEqual(['The Weekly Roundup', 'Garden Hour']);
    expect(picks[0]!.score).toBeGreaterThan(picks[1]!.score);
    expect(rankBruteForce(p, profile, request)).toEqual(picks);
  });

  it('says the show is about the interest, and names the show', () => {
    const p = pool([fromGardenShow, fromPoliticsShow]);
    const profile = buildProfile({ interests: ['gardening tips', 'politics'] }, { now: NOW });
    const items = toBriefItems(p, profile, rankForProfile(p, profile, request), 0);
    // Each names the interest its own show is about ("Garden" matches "gardening" too).
    expect(new Map(items.map((i) => [i.podcastTitle, i.reason]))).toEqual(
      new Map([
        ['The Weekly Roundup', 'from a show about your interest "politics" (The Weekly Roundup)'],
        ['Garden Hour', 'from a show about your interest "gardening tips" (Garden Hour)'],
      ]),
    );
  });

  it('an insight that itself matches still ranks above one that only comes from a matching show', () => {
    // It names the subject once among many words: its own match (0.18) is weaker than its
    // rival's show match (0.23), but the insight's own words count for more than its show's.
    const namesIt = insight(
      3,
      3,
      'Town councils settle zoning, school budgets and bus routes, and local politics decides more about your street than any national campaign or televised debate ever does.',
    );
    const p = pool([fromPoliticsShow, namesIt]);
    const profile = buildProfile({ interests: ['politics'] }, { now: NOW });
    const picks = rankForProfile(p, profile, request);
    expect(showsOf(p, picks)).toEqual(['Bench Notes', 'The Weekly Roundup']);
    const items = toBriefItems(p, profile, picks, 0);
    expect(items[0]?.reason).toBe('matches your interest "politics"');
  });

  it('matches a show by the categories it files itself under', () => {
    const fromNewsShow = insight(5, 4, 'Nobody remembers the quiet months when the real decisions were already made.');
    const p = pool([fromGardenShow, fromNewsShow]);
    const profile = buildProfile({ interests: ['politics'] }, { now: NOW });
    const picks = rankForProfile(p, profile, request);
    expect(showsOf(p, picks)).toEqual(['Evening Desk', 'Garden Hour']);
    expect(toBriefItems(p, profile, picks, 0)[0]?.reason).toBe(
      'from a show about your interest "politics" (Evening Desk)',
    );
  });

  it('knows a show by its title when the store gave no description', () => {
    // A higher id than the other: on a tie it would come second.
    const laterFromGardenShow = insight(
      4,
      1,
      'Most people underestimate how long a careful plan takes to finish properly.',
    );
    const p = pool([fromPoliticsShow, laterFromGardenShow], new Map());
    const profile = buildProfile({ interests: ['gardens'] }, { now: NOW });
    const picks = rankForProfile(p, profile, request);
    expect(showsOf(p, picks)).toEqual(['Garden Hour', 'The Weekly Roundup']);
  });

  it('leaves a cold start as it was: the best insights, in id order on a tie', () => {
    const p = pool([fromGardenShow, fromPoliticsShow]);
    const profile = buildProfile({ interests: [] }, { now: NOW });
    const picks = rankForProfile(p, profile, request);
    expect(showsOf(p, picks)).toEqual(['Garden Hour', 'The Weekly Roundup']);
    expect(picks[0]!.score).toBe(picks[1]!.score);
  });
});
