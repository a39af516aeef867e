export interface PairCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PairScores extends PairCounts {
  precision: number;
  recall: number;
  f1: number;
}

/** Pairwise agreement of a grouping with the true labels: every pair of items counts once. */
export function pairCounts(labels: ReadonlyMap<string, string>, groups: string[][]): PairCounts {
  const groupOf = new Map<string, number>();
  groups.forEach((g, k) => g.forEach((id) => groupOf.set(id, k)));
  const ids = [...labels.keys()];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const together = groupOf.get(a) === groupOf.get(b);
      const same = labels.get(a) === labels.get(b);
      if (together && same) tp += 1;
      else if (together) fp += 1;
      else if (same) fn += 1;
    }
  }
  return { tp, fp, fn };
}

export function scoresOf(c: PairCounts): PairScores {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

export function addCounts(a: PairCounts, b: PairCounts): PairCounts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}
