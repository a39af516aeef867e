import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../store/types.js';
import { createMetrics } from './metrics.js';

type Snapshot = Awaited<ReturnType<Store['metricsSnapshot']>>;

function snapshotWith(feeds: number): Snapshot {
  return {
    feeds: [{ status: 'active', n: feeds, failing: 0 }],
    episodes: [],
    transcripts: [],
    insights: [],
    briefs: 0,
    deliveries: [],
    suppressed: 0,
    llm: [],
    asr: [],
  };
}

/** A store whose totals are the number of times it was asked; `fail` makes the next read throw. */
function countingStore() {
  let reads = 0;
  let fail = false;
  return {
    reads: () => reads,
    failNext: () => {
      fail = true;
    },
    store: {
      async metricsSnapshot() {
        reads += 1;
        if (fail) {
          fail = false;
          throw new Error('database gone');
        }
        return snapshotWith(reads);
      },
    },
  };
}

async function feeds(metrics: ReturnType<typeof createMetrics>): Promise<string> {
  const text = await metrics.registry.getSingleMetricAsString('podbrief_feeds');
  return /podbrief_feeds\{status="active"\} (\d+)/.exec(text)?.[1] ?? '';
}

describe('the store totals of /metrics', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are read once for a burst of scrapes and again once the kept read is maxAgeMs old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const counting = countingStore();
    const metrics = createMetrics();
    metrics.watchStore(counting.store, 5_000);
    await Promise.all([metrics.registry.metrics(), metrics.registry.metrics()]);
    expect(counting.reads()).toBe(1);
    vi.advanceTimersByTime(4_999);
    expect(await feeds(metrics)).toBe('1');
    expect(counting.reads()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await feeds(metrics)).toBe('2');
    expect(counting.reads()).toBe(2);
  });

  it('are read on every scrape with maxAgeMs 0, all gauges of one scrape sharing one read', async () => {
    const counting = countingStore();
    const metrics = createMetrics();
    metrics.watchStore(counting.store);
    await metrics.registry.metrics();
    await metrics.registry.metrics();
    expect(counting.reads()).toBe(2);
  });

  it('do not keep a failed read', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const counting = countingStore();
    const metrics = createMetrics();
    metrics.watchStore(counting.store, 5_000);
    counting.failNext();
    await expect(metrics.registry.metrics()).rejects.toThrow('database gone');
    expect(await feeds(metrics)).toBe('2');
  });
});
