import type { ScoredPassage } from './rank.js';
import { dot } from './vectors.js';

const LAMBDA = 0.7;
/** Above this cosine two passages say the same thing: never both. */
const DUPLICATE_COSINE = 0.45;
/** Below this share of the best passage's score a pick is filler: return fewer instead. */
const MIN_RELATIVE_SCORE = 0.2;
/** A second pick from a sub-topic already covered must beat the others by this much. */
const SAME_BLOCK_PENALTY = 0.15;

export interface SelectOptions {
  top: number;
  /** Episode length in seconds, to spread picks across it. */
  duration: number;
}

const similarity = (a: ScoredPassage, b: ScoredPassage): number =>
  dot(a.features.vector, b.features.vector) / (a.features.norm * b.features.norm);

function conflicts(c: ScoredPassage, s: ScoredPassage, similar: number): boolean {
  const touching = c.first <= s.last + 1 && s.first <= c.last + 1;
  return touching || similar > DUPLICATE_COSINE;
}

/**
 * Maximal marginal relevance over the episode's sub-topics: each pick trades its score against
 * its similarity to earlier picks, their closeness in time, and reuse of a covered topic block.
 */
export function selectDiverse(candidates: ScoredPassage[], opts: SelectOptions): ScoredPassage[] {
  const max = candidates.reduce((m, c) => Math.max(m, c.score), 0) || 1;
  const floor = MIN_RELATIVE_SCORE * max;
  const minGap = opts.duration / (opts.top * 4);
  const chosen: ScoredPassage[] = [];
  const usedBlocks = new Set<number>();
  const pool = [...candidates].sort((a, b) => b.score - a.score || a.first - b.first || a.last - b.last);
  // A candidate's similarity to each pick so far, in pick order: each pair's cosine is taken once,
  // not again in every later round (most of a selection's time).
  const similarities = new Map<ScoredPassage, number[]>();
  const similaritiesOf = (c: ScoredPassage): number[] => {
    let known = similarities.get(c);
    if (!known) similarities.set(c, (known = []));
    for (let i = known.length; i < chosen.length; i++) known.push(similarity(c, chosen[i]!));
    return known;
  };
  while (chosen.length < opts.top) {
    let best: ScoredPassage | undefined;
    let bestValue = -Infinity;
    for (const c of pool) {
      if (c.score <= floor || LAMBDA * (c.score / max) < bestValue) break;
      const similar = similaritiesOf(c);
      if (chosen.some((s, i) => conflicts(c, s, similar[i]!))) continue;
      let redundancy = 0;
      for (let i = 0; i < chosen.length; i++) {
        const s = chosen[i]!;
        const crowding = minGap > 0 ? Math.max(0, 1 - Math.abs(c.start - s.start) / minGap) : 0;
        redundancy = Math.max(redundancy, similar[i]!, 0.5 * crowding);
      }
      const value =
        LAMBDA * (c.score / max) -
        (1 - LAMBDA) * redundancy -
        (usedBlocks.has(c.features.block) ? SAME_BLOCK_PENALTY : 0);
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (!best) break;
    chosen.push(best);
    usedBlocks.add(best.features.block);
  }
  return chosen;
}
