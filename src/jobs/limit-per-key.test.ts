import { describe, expect, it } from 'vitest';
import { hostOf, mapLimitPerKey } from './limit-per-key.js';

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('mapLimitPerKey', () => {
  it('keeps at most `perKey` in flight per key and `limit` overall, results in order', async () => {
    const items = [
      ...Array.from({ length: 8 }, (_, i) => ({ host: 'big.example', n: i })),
      ...Array.from({ length: 4 }, (_, i) => ({ host: `small${i}.example`, n: 100 + i })),
    ];
    const active = new Map<string, number>();
    const peakPerHost = new Map<string, number>();
    let overall = 0;
    let peak = 0;
    const startOrder: number[] = [];
    const results = await mapLimitPerKey(
      items,
      4,
      2,
      (item) => item.host,
      async (item) => {
        startOrder.push(item.n);
        const now = (active.get(item.host) ?? 0) + 1;
        active.set(item.host, now);
        peakPerHost.set(item.host, Math.max(peakPerHost.get(item.host) ?? 0, now));
        peak = Math.max(peak, ++overall);
        await tick();
        active.set(item.host, (active.get(item.host) ?? 1) - 1);
        overall--;
        return item.n * 2;
      },
    );
    expect(results).toEqual(items.map((i) => i.n * 2));
    expect(peakPerHost.get('big.example')).toBe(2);
    expect(peak).toBe(4);
    // The small hosts are not held back behind the big one.
    expect(startOrder.slice(0, 4)).toEqual([0, 1, 100, 101]);
  });

  it('handles no items, and a rejection', async () => {
    expect(await mapLimitPerKey([], 2, 2, String, async (x) => x)).toEqual([]);
    await expect(
      mapLimitPerKey([1, 2], 2, 1, String, async (x) => {
        if (x === 2) throw new Error('boom');
        return x;
      }),
    ).rejects.toThrow('boom');
  });

  it('keys feeds by host name, case-insensitively', () => {
    expect(hostOf('https://Feeds.Example.com:8443/a.xml')).toBe('feeds.example.com');
    expect(hostOf('not a url')).toBe('not a url');
  });
});
