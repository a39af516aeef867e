import { featureBag } from '../related/features.js';
import { normalize, weightedFeatures, type Vector } from '../related/vectors.js';
import type { FeedbackRow, FeedbackValue } from '../store/types.js';

/** What a subscriber told us and did, as ranking reads it. */
export interface ProfileInput {
  interests: string[];
  about?: string;
  followedFeedIds?: number[];
  onlyFollowed?: boolean;
  feedback?: FeedbackRow[];
}

interface ProfileSource {
  kind: 'interest' | 'about' | 'liked';
  /** The interest, the description, or the liked insight's headline. */
  label: string;
  vector: Vector;
}

/** Feature weights the subscriber's insights are scored against, and where each came from. */
export interface Profile {
  weights: Vector;
  sources: ProfileSource[];
  followed: Set<number>;
  onlyFollowed: boolean;
  /** Nothing to go on: the day's best insights across all shows. */
  coldStart: boolean;
}

export interface ProfileOptions {
  now: Date;
  /** Days after which a vote counts half as much. */
  feedbackHalfLifeDays?: number;
}

/** How much one piece of feedback moves the profile, before decay. */
const FEEDBACK_WEIGHT: Record<FeedbackValue, number> = {
  up: 1,
  more: 1.5,
  down: -1,
  less: -1.5,
  // A click on a timestamp link is a weaker sign of interest (scanners also follow links).
  click: 0.3,
};

const ABOUT_WEIGHT = 0.6;

export function buildProfile(input: ProfileInput, opts: ProfileOptions): Profile {
  const weights: Vector = new Map();
  const sources: ProfileSource[] = [];
  const add = (v: Vector, scale: number) => {
    for (const [k, x] of v) weights.set(k, (weights.get(k) ?? 0) + scale * x);
  };
  for (const interest of input.interests) {
    const v = textVector(interest);
    if (v.size === 0) continue;
    add(v, 1);
    sources.push({ kind: 'interest', label: interest, vector: v });
  }
  const about = input.about?.trim() ?? '';
  if (about) {
    const v = textVector(about);
    add(v, ABOUT_WEIGHT);
    if (v.size > 0) sources.push({ kind: 'about', label: about, vector: scaled(v, ABOUT_WEIGHT) });
  }
  const halfLife = opts.feedbackHalfLifeDays ?? 14;
  for (const f of input.feedback ?? []) {
    const ageDays = Math.max(0, (opts.now.getTime() - Date.parse(f.createdAt)) / 86_400_000);
    const scale = FEEDBACK_WEIGHT[f.value] * 0.5 ** (ageDays / halfLife);
    const v = normalize(new Map(Object.entries(f.terms)));
    add(v, scale);
    if (scale > 0 && f.value !== 'click') sources.push({ kind: 'liked', label: f.headline, vector: scaled(v, scale) });
  }
  for (const [k, x] of weights) if (Math.abs(x) < 1e-6) weights.delete(k);
  const followed = new Set(input.followedFeedIds ?? []);
  return {
    weights,
    sources,
    followed,
    onlyFollowed: (input.onlyFollowed ?? false) && followed.size > 0,
    coldStart: weights.size === 0 && followed.size === 0,
  };
}

// Many subscribers share interests ("ai", "kubernetes"): analyse each text once.
const vectors = new Map<string, Vector>();
const MAX_CACHED = 50_000;

/** The unit feature vector of an interest or description; callers must not modify it. */
function textVector(text: string): Vector {
  let v = vectors.get(text);
  if (!v) {
    v = normalize(weightedFeatures(featureBag(text)));
    if (vectors.size >= MAX_CACHED) vectors.clear();
    vectors.set(text, v);
  }
  return v;
}

function scaled(v: Vector, s: number): Vector {
  return new Map([...v].map(([k, x]) => [k, x * s]));
}
