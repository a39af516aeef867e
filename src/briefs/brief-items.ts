import type { AlsoOn, BriefItem, RelatedItem } from '../model/brief.js';
import { readableHeadline, standingHeadline } from '../insights/index.js';
import { relationOf } from '../related/relation.js';
import { isRelatedEvidence } from '../related/telling-words.js';
import type { InsightWithContext } from '../store/types.js';
import type { BriefPool, SharedBriefParts } from './brief-pool.js';
import type { Profile } from './profile.js';
import type { Scored } from './select-diverse.js';
import { timestampUrl } from './timestamp-url.js';
import { reasonFor } from './why.js';

/** Embedding cosine from which a neighbour may be related (only when both insights have one). */
const MIN_RELATED_SEMANTIC = 0.5;

export function toBriefItems(
  pool: BriefPool,
  profile: Profile,
  picks: Scored[],
  relatedPerInsight: number,
): BriefItem[] {
  // An insight already in today's brief is not shown again as "related" under another.
  const inBrief = new Set(picks.map(({ index }) => pool.insights[index]?.id));
  return picks.map(({ index }) => {
    const insight = pool.insights[index] as InsightWithContext;
    const { headline, link, alsoOn } = sharedParts(pool, index);
    return {
      insightId: insight.id,
      headline,
      text: insight.text,
      quote: insight.quote,
      start: insight.start,
      end: insight.end,
      // Show notes are the producer's words: they never claim a speaker.
      ...(insight.speaker && !insight.fromShowNotes ? { speaker: insight.speaker } : {}),
      podcastTitle: insight.podcastTitle,
      episodeTitle: insight.episodeTitle,
      ...link,
      reason: reasonFor(pool, profile, index),
      related: relatedPerInsight > 0 ? relatedOutside(inBrief, labelledRelated(pool, index), relatedPerInsight) : [],
      ...(alsoOn.length > 0 ? { alsoOn: [...alsoOn] } : {}),
      ...(insight.fromShowNotes ? { fromShowNotes: true as const } : {}),
    };
  });
}

/** The item's link and "also on", found once per pool (many subscribers share items). */
function sharedParts(pool: BriefPool, index: number): SharedBriefParts {
  let shared = pool.sharedParts.get(index);
  if (!shared) {
    const insight = pool.insights[index] as InsightWithContext;
    shared = {
      headline: readableHeadline(insight.headline, insight.text, insight.episodeTitle),
      link: urlOf(insight),
      alsoOn: alsoOnFor(pool, index),
    };
    pool.sharedParts.set(index, shared);
  }
  return shared;
}

/** Near-duplicates of the item from other episodes, one per show. */
function alsoOnFor(pool: BriefPool, index: number): AlsoOn[] {
  const self = pool.insights[index] as InsightWithContext;
  const shows = new Set([self.feedId]);
  const out: AlsoOn[] = [];
  for (const m of pool.dupMembers.get(pool.dupGroup[index] as number) ?? []) {
    const c = pool.insights[m] as InsightWithContext;
    if (m === index || c.retired || c.episodeId === self.episodeId || shows.has(c.feedId)) continue;
    shows.add(c.feedId);
    out.push({ insightId: c.id, podcastTitle: c.podcastTitle, episodeTitle: c.episodeTitle, ...urlOf(c) });
  }
  return out;
}

/** The first k of `related` that are not in the brief themselves. */
function relatedOutside(inBrief: Set<number | undefined>, related: RelatedItem[], k: number): RelatedItem[] {
  const out: RelatedItem[] = [];
  for (const r of related) {
    if (out.length >= k) break;
    if (!inBrief.has(r.insightId)) out.push(r);
  }
  return out;
}

/**
 * The KEEP_RELATED related insights of an item, computed once per pool: from other shows,
 * strongest first, one per show, never a near-duplicate (those are "also on"), each labelled
 * agrees / contradicts / extends where the words tell.
 */
function labelledRelated(pool: BriefPool, index: number): RelatedItem[] {
  let related = pool.relatedCache.get(index);
  if (!related) {
    const self = pool.insights[index] as InsightWithContext;
    related = computeRelated(pool, index).map(({ index: j }) => {
      const c = pool.insights[j] as InsightWithContext;
      const relation = relationOf(
        `${self.headline}. ${self.text}`,
        `${c.headline}. ${c.text}`,
        pool.index.lexical(index, j),
      );
      return {
        insightId: c.id,
        text: c.text,
        // Titled by its show and episode already: without a claim of its own, the text speaks alone.
        headline: standingHeadline(c.headline, c.text),
        podcastTitle: c.podcastTitle,
        episodeTitle: c.episodeTitle,
        ...urlOf(c),
        ...(relation ? { relation } : {}),
        ...(c.fromShowNotes ? { fromShowNotes: true as const } : {}),
      };
    });
    pool.relatedCache.set(index, related);
  }
  return related;
}

const KEEP_RELATED = 6;
/** Related insights share some of the item's heaviest features: these many propose candidates. */
const RELATED_PROBES = 12;

function computeRelated(pool: BriefPool, index: number): Array<{ index: number; score: number }> {
  const self = pool.insights[index] as InsightWithContext;
  const group = pool.dupGroup[index];
  // Candidates: every item sharing a telling word the item's theme names, which the telling rule
  // needs (RELATED_TELLING.minInHeadlines) and probing by the heaviest features can miss (pool.ts);
  // with an embedding, which may vouch for a pair without one, also its lexical neighbours.
  const lexical = new Map<number, number>();
  if (pool.index.embeddings[index])
    for (const n of pool.index.lexicalNeighbours(index, 100, RELATED_PROBES)) lexical.set(n.index, n.score);
  const candidates = [...lexical.keys(), ...pool.index.themeNeighbours(index).filter((j) => !lexical.has(j))];
  const scored: Array<{ index: number; score: number }> = [];
  for (const j of candidates) {
    const c = pool.insights[j];
    // Other shows only ("related" points across shows): their telling words are never read.
    if (!c || c.retired || c.feedId === self.feedId || pool.dupGroup[j] === group) continue;
    const semantic = pool.index.semantic(index, j);
    // Same theme needs telling words in common (telling-words.ts); an embedding, uncalibrated
    // here, may vouch for a pair sharing fewer of them, never for one sharing none.
    const evidence = pool.index.tellingEvidence(index, j);
    const ok =
      semantic !== undefined ? semantic >= MIN_RELATED_SEMANTIC && evidence.words >= 1 : isRelatedEvidence(evidence);
    if (ok) scored.push({ index: j, score: semantic ?? lexical.get(j) ?? pool.index.lexical(index, j) });
  }
  scored.sort((a, b) => b.score - a.score || (pool.insights[a.index]?.id ?? 0) - (pool.insights[b.index]?.id ?? 0));
  // One per show.
  const shows = new Set<number>();
  const out: Array<{ index: number; score: number }> = [];
  for (const n of scored) {
    const feedId = pool.insights[n.index]?.feedId ?? -1;
    if (shows.has(feedId)) continue;
    shows.add(feedId);
    out.push({ index: n.index, score: n.score });
    if (out.length >= KEEP_RELATED) break;
  }
  return out;
}

/** A link to the moment of the episode; none for show notes, which have no moment. */
function urlOf(c: InsightWithContext): { timestampUrl?: string } {
  if (c.fromShowNotes) return {};
  const url = timestampUrl(c.audioUrl, c.episodeLink, c.start);
  return url ? { timestampUrl: url } : {};
}
