import type { Vector } from '../related/vectors.js';
import type { BriefPool } from './brief-pool.js';
import type { Profile } from './profile.js';
import { RELEVANCE } from './profile-scorer.js';
import { showDot } from './show-topics.js';

/**
 * The "why you got this" line: whichever part of the profile contributed most to the insight's
 * relevance: an interest, the free-text description, a followed show, an insight the subscriber
 * liked, or a show whose title and description match an interest or the description.
 */
export function reasonFor(pool: BriefPool, profile: Profile, index: number): string {
  const insight = pool.insights[index];
  const show = insight?.podcastTitle ?? 'a show';
  if (profile.coldStart) return `one of the day's best insights across all shows (from ${show})`;
  let best: { text: string; value: number } | undefined;
  const consider = (text: string, value: number) => {
    if (value > 0 && (!best || value > best.value)) best = { text, value };
  };
  if (insight && profile.followed.has(insight.feedId)) consider(`from ${show}, a show you follow`, RELEVANCE.follow);
  for (const source of profile.sources) {
    const value = RELEVANCE.gain * dotWith(pool, index, source.vector);
    const fromShow = insight ? RELEVANCE.showGain * showDot(pool.shows, insight.feedId, source.vector) : 0;
    if (source.kind === 'interest') {
      consider(`matches your interest "${source.label}"`, value);
      consider(`from a show about your interest "${source.label}" (${show})`, fromShow);
    } else if (source.kind === 'about') {
      consider(`matches what you asked for: "${clip(source.label)}"`, value);
      consider(`from a show about what you asked for: "${clip(source.label)}" (${show})`, fromShow);
    } else consider(`similar to one you liked: "${clip(source.label)}"`, value);
  }
  // Tiny overlaps (a shared everyday word) are no reason worth stating.
  return best && best.value >= RELEVANCE.minReason ? best.text : `a top insight from ${show}`;
}

function dotWith(pool: BriefPool, index: number, vector: Vector): number {
  const terms = pool.index.vecTerms[index] as Int32Array;
  const weights = pool.index.vecWeights[index] as Float64Array;
  let sum = 0;
  for (const [k, w] of vector) {
    const id = pool.index.termIds.get(k);
    if (id === undefined) continue;
    const at = binarySearch(terms, id);
    if (at >= 0) sum += w * (weights[at] as number);
  }
  return sum;
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = sorted[mid] as number;
    if (x === value) return mid;
    if (x < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function clip(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
