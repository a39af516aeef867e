import type { RelationLabel } from '../../model/brief.js';
import type { LabelledRelation } from './labelled-relations.js';

export interface LabelScore {
  label: RelationLabel;
  /** Pairs given this label. */
  predicted: number;
  /** Of those, pairs whose hand label is the same. */
  correct: number;
  /** Pairs whose hand label it is. */
  actual: number;
}

/** Per label: how often the labeller gave it, how often rightly, and how often it was true. */
export function labelScores(
  pairs: readonly LabelledRelation[],
  labeller: (p: LabelledRelation) => RelationLabel | undefined,
): LabelScore[] {
  const labels: RelationLabel[] = ['agrees', 'contradicts', 'extends'];
  const out = labels.map((label) => ({ label, predicted: 0, correct: 0, actual: 0 }));
  for (const p of pairs) {
    const given = labeller(p);
    for (const s of out) {
      if (given === s.label) s.predicted += 1;
      if (p.label === s.label) s.actual += 1;
      if (given === s.label && p.label === s.label) s.correct += 1;
    }
  }
  return out;
}

/** Share of given labels that were right, over all three labels (1 when none was given). */
export function overallPrecision(scores: readonly LabelScore[]): number {
  const given = scores.reduce((n, s) => n + s.predicted, 0);
  return given === 0 ? 1 : scores.reduce((n, s) => n + s.correct, 0) / given;
}
