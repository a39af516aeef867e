import type { Insight } from '../../model/insight.js';
import { matchWords } from '../../transcripts/normalize.js';
import type { Candidate } from './ground.js';

const SAME_SPAN = 0.5;
const SAME_TEXT = 0.6;

/**
 * One list from every chunk's answers: each chunk's best first (interleaved by rank), near
 * duplicates (overlapping quotes or much the same text) dropped, scored by rank.
 */
export function mergeCandidates(candidates: Candidate[]): { insights: Insight[]; duplicates: number } {
  const ordered = [...candidates].sort((a, b) => a.rank - b.rank || a.chunk - b.chunk);
  const kept: Array<Candidate & { terms: Set<string> }> = [];
  let duplicates = 0;
  for (const c of ordered) {
    const terms = new Set(matchWords(c.insight.text).filter((w) => w.length > 3));
    if (kept.some((k) => spanOverlap(k, c) >= SAME_SPAN || jaccard(k.terms, terms) >= SAME_TEXT)) {
      duplicates += 1;
      continue;
    }
    kept.push({ ...c, terms });
  }
  const insights = kept.map((k) => ({ ...k.insight, score: Math.round((1 / (1 + k.rank)) * 10_000) / 10_000 }));
  return { insights, duplicates };
}

function spanOverlap(a: Candidate, b: Candidate): number {
  const shared = Math.min(a.last, b.last) - Math.max(a.first, b.first) + 1;
  const shorter = Math.min(a.last - a.first, b.last - b.first) + 1;
  return shared <= 0 ? 0 : shared / shorter;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}
