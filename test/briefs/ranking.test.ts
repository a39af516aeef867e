import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildBriefPool,
  buildProfile,
  canReachBrief,
  briefAudience,
  rankBruteForce,
  rankForProfile,
  toBriefItems,
  type BriefPool,
} from '../../src/briefs/index.js';
import { indexEntryFor, topTerms } from '../../src/related/index.js';
import type { FeedbackRow, InsightWithContext } from '../../src/store/types.js';
import type { User } from '../../src/model/user.js';
import { requireCorpus } from '../corpus.js';
import { corpusInsights } from './corpus-insights.js';

const NOW = new Date('2026-11-29T06:00:00Z');
const EPISODES = [
  'podlets-015-the-network',
  'podlets-010-dichotomy-of-security',
  'podlets-004-observability',
  'podlets-009-stateful-and-stateless',
  'lennys-podcast-rachel-lockett',
  'lennys-podcast-dmitry-zlokazov',
  'misfit-podcast-e378-wanjiru-new-misfit-affiliate-phase',
  'misfit-podcast-e389-open-workout-26-1-live',
];

function pool(insights: InsightWithContext[]): BriefPool {
  return buildBriefPool(insights, new Map(insights.map((i) => [i.id, indexEntryFor(i)])), { now: NOW });
}

const since = new Date(NOW.getTime() - 7 * 86_400_000);
const themeOf = (p: BriefPool, index: number) => p.insights[index]?.podcastTitle;

describe.runIf(requireCorpus())('ranking on real text', () => {
  // Built in beforeAll, not at collection: a skipped suite must not read the corpus.
  let insights: InsightWithContext[] = [];
  let p: BriefPool;
  beforeAll(() => {
    insights = corpusInsights(EPISODES, NOW);
    p = pool(insights);
  });

  it('cold start: no interests gives the best insights of the day from five different shows', () => {
    const profile = buildProfile({ interests: [] }, { now: NOW });
    expect(profile.coldStart).toBe(true);
    const picks = rankForProfile(p, profile, { size: 5, since, sent: new Set() });
    expect(picks).toHaveLength(5);
    expect(new Set(picks.map((x) => p.insights[x.index]?.feedId)).size).toBe(5);
    const items = toBriefItems(p, profile, picks, 2);
    for (const item of items) expect(item.reason).toMatch(/best insights across all shows/);
  });

  it('an interest brings its theme first and says why', () => {
    const profile = buildProfile({ interests: ['network routing protocols'] }, { now: NOW });
    const picks = rankForProfile(p, profile, { size: 5, since, sent: new Set() });
    expect(themeOf(p, picks[0]!.index)).toBe('podlets-015-the-network');
    const [first] = toBriefItems(p, profile, picks, 3);
    expect(first?.reason).toBe('matches your interest "network routing protocols"');
    // Five different shows even when one theme matches best.
    expect(new Set(picks.map((x) => p.insights[x.index]?.feedId)).size).toBe(5);
  });

  it('a thumbs-down on a theme lowers it the next day', () => {
    const interests = ['squats and strength', 'security of applications'];
    const squats = 'misfit-podcast-e378-wanjiru-new-misfit-affiliate-phase';
    // Day 1 has the even key points of every episode, day 2 the odd ones (new episodes, same themes).
    const day1Insights = corpusInsights(EPISODES, NOW, { keep: (n) => n % 2 === 0 });
    const p1 = pool(day1Insights);
    const day1 = rankForProfile(p1, buildProfile({ interests }, { now: NOW }), { size: 5, since, sent: new Set() });
    const disliked = day1.map((x) => p1.insights[x.index]!).find((i) => i.podcastTitle === squats);
    expect(disliked, 'the squat theme is in the first brief').toBeDefined();
    const feedback: FeedbackRow[] = [
      {
        userId: 1,
        insightId: disliked!.id,
        value: 'less',
        feedId: disliked!.feedId,
        headline: disliked!.headline,
        terms: topTerms(indexEntryFor(disliked!).terms),
        createdAt: NOW.toISOString(),
      },
    ];
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    const day2Insights = [
      ...day1Insights,
      ...corpusInsights(EPISODES, tomorrow, { firstId: 1000, keep: (n) => n % 2 === 1 }),
    ];
    const p2 = buildBriefPool(day2Insights, new Map(day2Insights.map((i) => [i.id, indexEntryFor(i)])), {
      now: tomorrow,
    });
    const ranked = (fb: FeedbackRow[]) => {
      const all = rankBruteForce(p2, buildProfile({ interests, feedback: fb }, { now: tomorrow }), {
        size: 40,
        since: NOW,
        sent: new Set(),
      });
      const at = all.findIndex((x) => p2.insights[x.index]!.podcastTitle === squats);
      return { at, score: all[at]?.score ?? 0 };
    };
    const without = ranked([]);
    const withLess = ranked(feedback);
    expect(without.at).toBeGreaterThanOrEqual(0);
    expect(withLess.score).toBeLessThan(without.score * 0.7);
    expect(withLess.at === -1 || withLess.at > without.at).toBe(true);
  });

  it('feedback decays: a month-old thumbs-down counts for far less', () => {
    const target = p.insights[0]!;
    const vote = (days: number): FeedbackRow[] => [
      {
        userId: 1,
        insightId: target.id,
        value: 'down',
        feedId: target.feedId,
        headline: target.headline,
        terms: topTerms(indexEntryFor(target).terms),
        createdAt: new Date(NOW.getTime() - days * 86_400_000).toISOString(),
      },
    ];
    const weight = (days: number) =>
      Math.min(...buildProfile({ interests: [], feedback: vote(days) }, { now: NOW }).weights.values());
    expect(weight(28) / weight(0)).toBeCloseTo(0.25, 2);
  });

  it('never repeats an insight, nor a near-duplicate of one already sent', () => {
    const profile = buildProfile({ interests: ['network'] }, { now: NOW });
    const day1 = rankForProfile(p, profile, { size: 5, since, sent: new Set() });
    const sent = new Set(day1.map((x) => p.insights[x.index]!.id));
    const day2 = rankForProfile(p, profile, { size: 5, since, sent });
    for (const x of day2) expect(sent.has(p.insights[x.index]!.id)).toBe(false);
    // The same talking point re-said on another show is left out too.
    const first = p.insights[day1[0]!.index]!;
    const echo = {
      ...first,
      id: 5000,
      feedId: 99,
      episodeId: 9900,
      podcastTitle: 'Another show',
      text: `${first.text} That is what we heard this week.`,
    };
    const p3 = pool([...insights, echo]);
    const day2b = rankForProfile(p3, profile, { size: 5, since, sent });
    expect(day2b.map((x) => p3.insights[x.index]!.id)).not.toContain(5000);
  });

  it('folds the same talking point on two shows into one item with "also said on"', () => {
    const base = insights.find((i) => i.podcastTitle === 'podlets-015-the-network')!;
    const echo = {
      ...base,
      id: 6000,
      feedId: 77,
      episodeId: 7700,
      podcastTitle: 'Network Weekly',
      episodeTitle: 'Routers',
      text: `As our guest put it: ${base.text}`,
    };
    const p4 = pool([...insights, echo]);
    const profile = buildProfile({ interests: ['network'] }, { now: NOW });
    const picks = rankForProfile(p4, profile, { size: 5, since, sent: new Set() });
    const ids = picks.map((x) => p4.insights[x.index]!.id);
    expect(ids.filter((id) => id === base.id || id === 6000)).toHaveLength(1);
    const items = toBriefItems(p4, profile, picks, 3);
    const folded = items.find((i) => i.insightId === base.id || i.insightId === 6000)!;
    expect(folded.alsoOn?.map((a) => a.podcastTitle)).toEqual([
      folded.insightId === 6000 ? base.podcastTitle : 'Network Weekly',
    ]);
    // The duplicate is "also on", never one of its related insights.
    for (const r of folded.related) expect([6000, base.id]).not.toContain(r.insightId);
  });

  it('related insights come from other episodes, strongest first, some labelled', () => {
    const profile = buildProfile({ interests: ['kubernetes'] }, { now: NOW });
    const items = toBriefItems(p, profile, rankForProfile(p, profile, { size: 5, since, sent: new Set() }), 3);
    for (const item of items) {
      const self = insights.find((i) => i.id === item.insightId)!;
      for (const r of item.related)
        expect(insights.find((i) => i.id === r.insightId)!.episodeId).not.toBe(self.episodeId);
    }
    expect(items.some((i) => i.related.length > 0)).toBe(true);
  });

  it('show notes rank below transcript insights of equal relevance and claim no link, time or speaker', () => {
    const spoken = corpusInsights(['podlets-015-the-network'], NOW);
    const notes = spoken.map((i) => ({
      ...i,
      id: i.id + 10_000,
      feedId: 999,
      episodeId: 99_900,
      podcastTitle: 'Notes FM',
      speaker: 'Host',
      fromShowNotes: true,
    }));
    const q = pool([...spoken, ...notes]);
    const profile = buildProfile({ interests: ['network routing protocols'] }, { now: NOW });
    const picks = rankForProfile(q, profile, { size: 1, since, sent: new Set() });
    expect(q.insights[picks[0]!.index]?.fromShowNotes).toBeUndefined();
    for (let i = 0; i < spoken.length; i += 1) expect(q.base[spoken.length + i]).toBeLessThan(q.base[i] as number);
    const only = pool(notes);
    const items = toBriefItems(only, profile, rankForProfile(only, profile, { size: 1, since, sent: new Set() }), 0);
    expect(items[0]).toMatchObject({ fromShowNotes: true });
    expect(items[0]?.speaker).toBeUndefined();
    expect(items[0]?.timestampUrl).toBeUndefined();
  });

  it('one item per show: fewer shows with something new make a shorter brief, not a repetitive one', () => {
    const podlets = EPISODES.filter((e) => e.startsWith('podlets'));
    const two = [
      ...corpusInsights(podlets, NOW).map((i) => ({ ...i, feedId: 1, podcastTitle: 'The Podlets' })),
      ...corpusInsights(['lennys-podcast-rachel-lockett'], NOW, { firstId: 5000 }).map((i) => ({
        ...i,
        feedId: 2,
        podcastTitle: "Lenny's Podcast",
      })),
    ];
    const q = pool(two);
    for (const interests of [[], ['kubernetes', 'cloud native']]) {
      const profile = buildProfile({ interests }, { now: NOW });
      const picks = rankForProfile(q, profile, { size: 5, since, sent: new Set() });
      expect(picks.map((x) => q.insights[x.index]?.feedId).sort()).toEqual([1, 2]);
    }
  });

  it('related insights: at most one per show, never from the item’s own show', () => {
    const byShow = [
      ...corpusInsights(EPISODES.slice(0, 3), NOW).map((i) => ({ ...i, feedId: 1 })),
      ...corpusInsights(EPISODES.slice(3), NOW, { firstId: 5000 }),
    ];
    const q = pool(byShow);
    const profile = buildProfile({ interests: ['kubernetes', 'security'] }, { now: NOW });
    const items = toBriefItems(q, profile, rankForProfile(q, profile, { size: 5, since, sent: new Set() }), 5);
    let related = 0;
    for (const item of items) {
      const feed = (id: number) => byShow.find((i) => i.id === id)!.feedId;
      const shows = item.related.map((r) => feed(r.insightId));
      expect(shows).not.toContain(feed(item.insightId));
      expect(new Set(shows).size).toBe(shows.length);
      related += shows.length;
    }
    expect(related).toBeGreaterThan(0);
  });

  it('a subscriber who follows only one show gets only that show', () => {
    const feedId = insights.find((i) => i.podcastTitle === 'podlets-009-stateful-and-stateless')!.feedId;
    const profile = buildProfile({ interests: [], followedFeedIds: [feedId], onlyFollowed: true }, { now: NOW });
    const picks = rankForProfile(p, profile, { size: 5, since, sent: new Set() });
    expect(picks.length).toBeGreaterThan(0);
    for (const x of picks) expect(p.insights[x.index]!.feedId).toBe(feedId);
    expect(toBriefItems(p, profile, picks, 0)[0]?.reason).toMatch(/a show you follow/);
  });

  it('the fast path returns exactly what the brute-force scorer returns', () => {
    const phrases = insights.map((i) => i.headline.split(' ').slice(2, 4).join(' '));
    for (let n = 0; n < 60; n += 1) {
      const target = insights[(n * 37) % insights.length]!;
      const profile = buildProfile(
        {
          interests: n % 7 === 0 ? [] : [phrases[(n * 11) % phrases.length]!, phrases[(n * 5) % phrases.length]!],
          followedFeedIds: n % 5 === 0 ? [target.feedId] : [],
          feedback:
            n % 3 === 0
              ? [
                  {
                    userId: 1,
                    insightId: target.id,
                    value: n % 2 ? 'up' : 'less',
                    feedId: target.feedId,
                    headline: target.headline,
                    terms: topTerms(indexEntryFor(target).terms),
                    createdAt: NOW.toISOString(),
                  },
                ]
              : [],
        },
        { now: NOW },
      );
      const req = { size: 5, since, sent: new Set([insights[n]!.id]) };
      expect(rankForProfile(p, profile, req)).toEqual(rankBruteForce(p, profile, req));
    }
  });
});

describe('canReachBrief: can an episode reach any brief, from its metadata alone', () => {
  const user = (id: number, interests: string[]): User => ({
    id,
    email: `u${id}@example.com`,
    interests,
    timezone: 'UTC',
    deliveryHour: 7,
    status: 'active',
    unsubscribeToken: `t${id}`,
    createdAt: NOW.toISOString(),
    confirmedAt: '2026-01-01T00:00:00.000Z',
  });

  it('matches interests, follows and cold-start subscribers; says no otherwise', () => {
    const audience = briefAudience(
      [user(1, ['kubernetes networking']), user(2, ['marathon training'])],
      [{ userId: 2, about: '', onlyFollowed: false, followedFeedIds: [9] }],
    );
    expect(canReachBrief({ feedId: 1, title: 'Why Kubernetes networking is hard' }, audience).reach).toBe(true);
    expect(canReachBrief({ feedId: 9, title: 'Anything at all' }, audience)).toEqual({
      reach: true,
      reason: 'a subscriber follows this show',
    });
    expect(
      canReachBrief({ feedId: 3, title: 'Sourdough baking at home', description: 'Flour, water and time.' }, audience)
        .reach,
    ).toBe(false);
    const withCold = briefAudience([user(1, ['kubernetes']), user(3, [])], []);
    expect(canReachBrief({ feedId: 3, title: 'Sourdough baking' }, withCold).reach).toBe(true);
    expect(canReachBrief({ feedId: 3, title: 'x' }, briefAudience([], [])).reach).toBe(false);
  });
});
