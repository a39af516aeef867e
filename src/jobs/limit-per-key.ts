/**
 * Runs `fn` over `items` with at most `limit` in flight overall and at most `perKey` in flight for
 * any one key (a feed host), keeping result order. A slot is never held waiting for a busy key:
 * the next item whose key has room starts instead, so one big host cannot take every slot.
 */
export function mapLimitPerKey<T, R>(
  items: readonly T[],
  limit: number,
  perKey: number,
  keyOf: (item: T) => string,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  if (items.length === 0) return Promise.resolve(results);
  const pending = items.map((_item, i) => i);
  const active = new Map<string, number>();
  let running = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    const launch = (): void => {
      for (let k = 0; k < pending.length && running < Math.max(1, limit); ) {
        const i = pending[k] as number;
        const item = items[i] as T;
        const key = keyOf(item);
        const busy = active.get(key) ?? 0;
        if (busy >= Math.max(1, perKey)) {
          k++;
          continue;
        }
        pending.splice(k, 1);
        running++;
        active.set(key, busy + 1);
        fn(item).then(
          (result) => {
            results[i] = result;
            running--;
            active.set(key, (active.get(key) ?? 1) - 1);
            if (++finished === items.length) resolve(results);
            else launch();
          },
          (err: unknown) => reject(err),
        );
      }
    };
    launch();
  });
}

/** The host a feed URL is polled on (lower case), or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
