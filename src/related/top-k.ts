/** The k-th largest value, with a small min-heap (no full sort). */
export function kthLargest(values: Float64Array, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (const v of values) {
    if (size < k) {
      let c = size++;
      heap[c] = v;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if ((heap[parent] as number) <= (heap[c] as number)) break;
        [heap[parent], heap[c]] = [heap[c] as number, heap[parent] as number];
        c = parent;
      }
    } else if (v > (heap[0] as number)) {
      heap[0] = v;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < k && (heap[l] as number) < (heap[m] as number)) m = l;
        if (r < k && (heap[r] as number) < (heap[m] as number)) m = r;
        if (m === c) break;
        [heap[m], heap[c]] = [heap[c] as number, heap[m] as number];
        c = m;
      }
    }
  }
  return heap[0] as number;
}
