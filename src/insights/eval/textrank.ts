import type { Sentence } from '../document/index.js';

/**
 * TextRank sentence centrality (Mihalcea & Tarau 2004): similarity = shared stemmed content
 * words / (log|Si| + log|Sj|), weighted PageRank with damping 0.85.
 */
export function textRank(sentences: Sentence[], iterations = 100): Float64Array {
  const ids = new Map<string, number>();
  const sets = sentences.map((s) => {
    const unique = new Set<number>();
    for (const t of s.terms) {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      unique.add(id);
    }
    return Int32Array.from([...unique].sort((a, b) => a - b));
  });
  const n = sets.length;
  const logs = sets.map((s) => Math.log(s.length));
  const from: number[] = [];
  const to: number[] = [];
  const weights: number[] = [];
  const outWeight = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const a = sets[i] as Int32Array;
    if (a.length === 0) continue;
    for (let j = i + 1; j < n; j += 1) {
      const b = sets[j] as Int32Array;
      const denominator = (logs[i] ?? 0) + (logs[j] ?? 0);
      if (b.length === 0 || denominator === 0) continue;
      let shared = 0;
      let x = 0;
      let y = 0;
      while (x < a.length && y < b.length) {
        const av = a[x] as number;
        const bv = b[y] as number;
        if (av === bv) {
          shared += 1;
          x += 1;
          y += 1;
        } else if (av < bv) x += 1;
        else y += 1;
      }
      if (shared === 0) continue;
      const w = shared / denominator;
      from.push(i);
      to.push(j);
      weights.push(w);
      outWeight[i] = (outWeight[i] ?? 0) + w;
      outWeight[j] = (outWeight[j] ?? 0) + w;
    }
  }
  // Symmetric edges, each stored once; normalised weights precomputed in both directions.
  const m = from.length;
  const ef = Int32Array.from(from);
  const et = Int32Array.from(to);
  const wij = new Float64Array(m);
  const wji = new Float64Array(m);
  for (let e = 0; e < m; e += 1) {
    const w = weights[e] as number;
    wij[e] = w / (outWeight[ef[e] as number] || 1);
    wji[e] = w / (outWeight[et[e] as number] || 1);
  }
  let rank = new Float64Array(n).fill(1);
  for (let iter = 0; iter < iterations; iter += 1) {
    const sum = new Float64Array(n);
    for (let e = 0; e < m; e += 1) {
      const i = ef[e] as number;
      const j = et[e] as number;
      sum[j] = (sum[j] as number) + (wij[e] as number) * (rank[i] as number);
      sum[i] = (sum[i] as number) + (wji[e] as number) * (rank[j] as number);
    }
    let delta = 0;
    for (let i = 0; i < n; i += 1) {
      const next = 0.15 + 0.85 * (sum[i] as number);
      delta = Math.max(delta, Math.abs(next - (rank[i] as number)));
      sum[i] = next;
    }
    rank = sum;
    if (delta < 1e-4) break;
  }
  return rank;
}
