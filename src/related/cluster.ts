/**
 * Average-link agglomerative clustering on a similarity matrix: repeatedly merge the two most
 * similar clusters while their average pairwise similarity is at least `threshold`. Ties go to
 * the lowest indexes, so the result depends only on the input order.
 */
export function averageLink(sim: Float64Array, n: number, threshold: number): number[][] {
  const members: Array<number[] | undefined> = Array.from({ length: n }, (_, i) => [i]);
  const s = Float64Array.from(sim);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let best = threshold;
    for (let i = 0; i < n; i += 1) {
      if (!members[i]) continue;
      for (let j = i + 1; j < n; j += 1) {
        if (!members[j]) continue;
        const x = s[i * n + j] as number;
        if (x > best || (x === best && bi < 0)) {
          best = x;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    const a = members[bi] as number[];
    const b = members[bj] as number[];
    // Lance–Williams update for average linkage.
    for (let k = 0; k < n; k += 1) {
      if (!members[k] || k === bi || k === bj) continue;
      const merged = (a.length * (s[bi * n + k] as number) + b.length * (s[bj * n + k] as number)) / (a.length + b.length);
      s[bi * n + k] = merged;
      s[k * n + bi] = merged;
    }
    members[bi] = [...a, ...b].sort((x, y) => x - y);
    members[bj] = undefined;
  }
  return members.filter((m): m is number[] => m !== undefined);
}
