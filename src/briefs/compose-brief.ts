import type { Brief } from '../model/brief.js';
import type { User } from '../model/user.js';
import { toBriefItems } from './brief-items.js';
import { loadBriefPool, type PoolCache } from './load-pool.js';
import { buildProfile } from './profile.js';
import type { ComposeStore } from './ports.js';
import { rankForProfile } from './rank-profile.js';

export interface ComposeDeps {
  store: ComposeStore;
  /** Shares one pool between the subscribers of a delivery run. */
  pools?: PoolCache;
}

export interface ComposeOptions {
  size: number;
  relatedPerInsight: number;
  now: Date;
  /** How far back a brief looks for insights never sent, in days. */
  firstBriefWindowDays?: number;
  /** How far back related insights (and near-duplicates of sent ones) may come from, in days. */
  relatedWindowDays?: number;
  /** How long feedback is read back; it decays long before (half-life 14 days). */
  feedbackWindowDays?: number;
}

export type ComposeOutcome =
  | { status: 'created'; brief: Brief }
  | { status: 'exists'; brief: Brief }
  | { status: 'empty' };

/**
 * The subscriber's top insights never sent to them from episodes of the last week, ranked by
 * their profile (interests, description, followed shows, feedback), near-duplicates folded into
 * one item, each with related insights from other episodes. Stored once per (user, date): a
 * second call that day returns the brief that exists.
 */
export async function composeBrief(
  deps: ComposeDeps,
  user: User,
  date: string,
  opts: ComposeOptions,
): Promise<ComposeOutcome> {
  const { store } = deps;
  const existing = await store.briefFor(user.id, date);
  if (existing) return { status: 'exists', brief: existing };

  // New for the subscriber: anything of the window never sent to them (sent ones and their
  // near-duplicates are excluded by `sent`), not only what arrived since the previous brief, so
  // "nothing new" means nothing unsent and eligible is left.
  const since = daysBefore(opts.now, opts.firstBriefWindowDays ?? 7);
  const poolSince = daysBefore(opts.now, opts.relatedWindowDays ?? 30);
  const [pool, sent, profileRow, feedback] = await Promise.all([
    deps.pools ? deps.pools.get(store, poolSince, opts.now) : loadBriefPool(store, poolSince, opts.now),
    store.sentInsightIds(user.id),
    store.profileOf(user.id),
    store.feedbackOf(user.id, daysBefore(opts.now, opts.feedbackWindowDays ?? 180)),
  ]);
  const profile = buildProfile(
    {
      interests: user.interests,
      about: profileRow.about,
      followedFeedIds: profileRow.followedFeedIds,
      onlyFollowed: profileRow.onlyFollowed,
      feedback,
    },
    { now: opts.now },
  );
  const picks = rankForProfile(pool, profile, { size: opts.size, since, sent });
  if (picks.length === 0) return { status: 'empty' };

  const brief = await store.createBrief(user.id, date, toBriefItems(pool, profile, picks, opts.relatedPerInsight));
  if (brief) return { status: 'created', brief };
  // Another worker stored today's brief between our check and our insert.
  const winner = await store.briefFor(user.id, date);
  return winner ? { status: 'exists', brief: winner } : { status: 'empty' };
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
