import { featureBag } from '../related/features.js';
import { generalWeight } from '../related/vectors.js';
import { receivesBriefs, type User } from '../model/user.js';
import type { EpisodeRow, ProfileRow } from '../store/types.js';
import type { ReachStore } from './ports.js';

/** What all active subscribers want, reduced to what episode metadata can be checked against. */
export interface BriefAudience {
  subscribers: number;
  /** Subscribers with no interests, description or follows: they get the day's best from every show. */
  coldStart: number;
  followedFeeds: Set<number>;
  /** Stemmed words and word pairs of every interest and description. */
  terms: Set<string>;
}

/** Everyday words ("people", "time") match every episode: a match needs a rarer word. */
const MIN_GENERAL_WEIGHT = 0.35;

export function briefAudience(users: User[], profiles: ProfileRow[]): BriefAudience {
  const byUser = new Map(profiles.map((p) => [p.userId, p]));
  const audience: BriefAudience = { subscribers: 0, coldStart: 0, followedFeeds: new Set(), terms: new Set() };
  for (const user of users) {
    if (!receivesBriefs(user)) continue;
    audience.subscribers += 1;
    const profile = byUser.get(user.id);
    const texts = [...user.interests, profile?.about ?? ''].filter((t) => t.trim());
    for (const feedId of profile?.followedFeedIds ?? []) audience.followedFeeds.add(feedId);
    if (texts.length === 0 && (profile?.followedFeedIds.length ?? 0) === 0) audience.coldStart += 1;
    for (const text of texts)
      for (const k of featureBag(text).counts.keys()) if (generalWeight(k) >= MIN_GENERAL_WEIGHT) audience.terms.add(k);
  }
  return audience;
}

async function loadBriefAudience(store: Pick<ReachStore, 'listUsers' | 'listProfiles'>): Promise<BriefAudience> {
  const [users, profiles] = await Promise.all([store.listUsers(), store.listProfiles()]);
  return briefAudience(users, profiles);
}

export interface EpisodeMeta {
  feedId: number;
  title: string;
  description?: string | null;
  /** The show's title and description help when the episode's own are terse. */
  podcastTitle?: string | null;
}

export interface Reach {
  reach: boolean;
  reason: string;
}

/**
 * Whether an episode can reach at least one subscriber's brief, decided from its metadata alone,
 * before anything is paid for (speech-to-text, LLM extraction); processing never asks for a trailer.
 * Conservative: it says no only when no subscriber follows the show, none is a cold start (they get
 * the best of every show), and no interest word of any subscriber appears in the title or description.
 */
export function canReachBrief(episode: EpisodeMeta, audience: BriefAudience): Reach {
  if (audience.subscribers === 0) return { reach: false, reason: 'no active subscribers' };
  if (audience.followedFeeds.has(episode.feedId)) return { reach: true, reason: 'a subscriber follows this show' };
  if (audience.coldStart > 0)
    return { reach: true, reason: 'a subscriber without interests gets the best of every show' };
  const text = [episode.podcastTitle, episode.title, episode.description].filter(Boolean).join('. ');
  for (const k of featureBag(text).counts.keys()) {
    if (audience.terms.has(k)) return { reach: true, reason: `matches a subscriber interest ("${k}")` };
  }
  return { reach: false, reason: 'no subscriber interest matches its title or description' };
}

/** canReachBrief for a stored episode, helped by its show's title, against today's subscribers. */
export async function canStoredEpisodeReachBrief(store: ReachStore, episode: EpisodeRow): Promise<Reach> {
  const feed = await store.feedById(episode.feedId);
  const meta: EpisodeMeta = {
    feedId: episode.feedId,
    title: episode.title,
    description: episode.description,
    podcastTitle: feed?.title ?? null,
  };
  return canReachBrief(meta, await loadBriefAudience(store));
}
