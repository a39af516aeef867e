// One heap reused by every call (they never overlap): allocating typed arrays is slow in V8.
let scratchHeap = new Float64Array(64);

/** The k-th largest of the first `count` values, with a small min-heap (no full sort). */
export function kthLargest(values: Float64Array, k: number, count = values.length): number {
  if (scratchHeap.length < k) scratchHeap = new Float64Array(k);
  const heap = scratchHeap;
  let size = 0;
  // Index loops and plain swaps: iterating a typed array with for…of is far slower in V8.
  for (let n = 0; n < count; n += 1) {
    const v = values[n] as number;
    if (size < k) {
      let c = size++;
      heap[c] = v;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if ((heap[parent] as number) <= (heap[c] as number)) break;
        swap(heap, parent, c);
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
        swap(heap, m, c);
        c = m;
      }
    }
  }
  return size === 0 ? 0 : (heap[0] as number);
}

function swap(heap: Float64Array, a: number, b: number): void {
  const t = heap[a] as number;
  heap[a] = heap[b] as number;
  heap[b] = t;
}
