/**
 * Average-link agglomerative clustering on a similarity matrix: the clusters left when pairs of
 * clusters are merged, most similar first, while their average pairwise similarity is at least
 * `threshold`. Built with the nearest-neighbour chain (O(n²), where scanning for the best pair
 * before every merge was O(n³) and took tens of seconds for 2,000 items); average linkage is
 * reducible, so the chain makes the same merges. Ties go to the lowest index, so the result
 * depends only on the input order. Members are in index order; clusters in order of their first member.
 *
 * Consumes `sim`: the merges overwrite it in place (no copy, so the peak holds one n×n matrix, not
 * two). Pass a copy (`sim.slice()`) to keep the original.
 */
export function averageLink(sim: Float64Array, n: number, threshold: number): number[][] {
  const members: Array<number[] | undefined> = Array.from({ length: n }, (_, i) => [i]);
  // A cluster whose best link is below the threshold can never merge again (reducibility).
  const done = new Uint8Array(n);
  const s = sim;
  const chain: number[] = [];
  let next = 0;
  for (;;) {
    if (chain.length === 0) {
      while (next < n && (members[next] === undefined || done[next])) next += 1;
      if (next >= n) break;
      chain.push(next);
    }
    const a = chain[chain.length - 1] as number;
    const previous = chain.length > 1 ? (chain[chain.length - 2] as number) : -1;
    let b = -1;
    let best = -Infinity;
    for (let k = 0; k < n; k += 1) {
      if (k === a || members[k] === undefined || done[k]) continue;
      const x = s[a * n + k] as number;
      if (x > best) {
        best = x;
        b = k;
      }
    }
    // Prefer the chain's previous cluster on a tie, or the chain could cycle.
    if (previous >= 0 && (s[a * n + previous] as number) === best) b = previous;
    if (b < 0 || best < threshold) {
      done[a] = 1;
      chain.pop();
      continue;
    }
    if (b !== previous) {
      chain.push(b);
      continue;
    }
    chain.pop();
    chain.pop();
    merge(s, n, members, Math.min(a, b), Math.max(a, b));
  }
  return members.filter((m): m is number[] => m !== undefined);
}

/** Folds cluster `j` into cluster `i` with the Lance–Williams update for average linkage. */
function merge(s: Float64Array, n: number, members: Array<number[] | undefined>, i: number, j: number): void {
  const a = members[i] as number[];
  const b = members[j] as number[];
  for (let k = 0; k < n; k += 1) {
    if (members[k] === undefined || k === i || k === j) continue;
    const merged = (a.length * (s[i * n + k] as number) + b.length * (s[j * n + k] as number)) / (a.length + b.length);
    s[i * n + k] = merged;
    s[k * n + i] = merged;
  }
  members[i] = [...a, ...b].sort((x, y) => x - y);
  members[j] = undefined;
}
