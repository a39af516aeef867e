import { createHash } from 'node:crypto';
import { featureBag } from '../related/features.js';
import { dotUnit, normalize, weightedFeatures, type Vector } from '../related/vectors.js';
import type { ShowText } from '../store/types.js';

/**
 * What each show of a pool is about, as features of its title and description, so an interest
 * in a show's subject reaches its insights even when they never name the subject.
 */
export interface ShowTopics {
  /** Each show's unit feature vector, by feed id. */
  vectors: Map<number, Vector>;
  /** Shows by feature, with the feature's weight in each: a profile walks only its own features. */
  postings: Map<string, Array<{ feedId: number; weight: number }>>;
}

/**
 * The title and the categories name the subject; a description also lists hosts, guests and
 * sponsors, and is many times longer, so its words alone would drown theirs.
 */
const TITLE_WEIGHT = 2;

export function buildShowTopics(shows: ReadonlyMap<number, ShowText>): ShowTopics {
  const vectors = new Map<number, Vector>();
  const postings: ShowTopics['postings'] = new Map();
  for (const [feedId, text] of shows) {
    const v = showVector(feedId, text);
    if (v.size === 0) continue;
    vectors.set(feedId, v);
    for (const [k, weight] of v) {
      const list = postings.get(k);
      if (list) list.push({ feedId, weight });
      else postings.set(k, [{ feedId, weight }]);
    }
  }
  return { vectors, postings };
}

/** profile · show for every show sharing a feature with the profile, by feed id. */
export function showMatches(topics: ShowTopics, profile: Iterable<[string, number]>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [k, w] of profile)
    for (const { feedId, weight } of topics.postings.get(k) ?? []) out.set(feedId, (out.get(feedId) ?? 0) + w * weight);
  return out;
}

/** vector · the show's vector (0 for a show with no words). */
export function showDot(topics: ShowTopics, feedId: number, vector: Vector): number {
  const show = topics.vectors.get(feedId);
  return show ? dotUnit(vector, show) : 0;
}

// A delivery run builds a pool per window, and the shows change rarely: analyse each text once.
// Kept by feed id with a digest of the text, so an edited description replaces its entry and the
// cache holds vectors, not descriptions.
const vectors = new Map<number, { digest: string; vector: Vector }>();
const MAX_CACHED = 20_000;

function showVector(feedId: number, text: ShowText): Vector {
  // Categories are separate names ("News", "Politics"): sentences, so no pair spans two of them.
  const named = [text.title ?? '', ...text.categories].join('.\n');
  const digest = createHash('sha1')
    .update(named)
    .update('\0')
    .update(text.description ?? '')
    .digest('base64');
  const cached = vectors.get(feedId);
  if (cached?.digest === digest) return cached.vector;
  const v = weightedFeatures(featureBag(text.description ?? ''));
  for (const [k, x] of weightedFeatures(featureBag(named))) v.set(k, (v.get(k) ?? 0) + TITLE_WEIGHT * x);
  normalize(v);
  if (!cached && vectors.size >= MAX_CACHED) vectors.clear();
  vectors.set(feedId, { digest, vector: v });
  return v;
}
