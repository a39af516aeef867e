import { afterEach, describe, expect, it } from 'vitest';
import { goodOutput, showTranscript, transcriptOf } from './test-support/fixtures.js';
import { startHarness, type Harness } from './test-support/harness.js';

const MINUTE = 60_000;

/** A distinct transcript per episode, so nothing is answered from the cache. */
const episode = (n: number) =>
  transcriptOf([
    ...showTranscript().segments,
    { start: 500, end: 510, speaker: 'Ada', text: `That was episode ${n}.` },
  ]);

describe('LLM circuit breaker', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('stops calling a provider that failed three episodes in a row, and tries again after a growing cooldown', async () => {
    let now = new Date('2026-11-29T06:00:00Z');
    const later = (ms: number) => (now = new Date(now.getTime() + ms));
    h = await startHarness(
      'openai',
      [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 503 }, { output: goodOutput }],
      {
        settings: { maxRetries: 0 },
        deps: { runtime: { now: () => now } },
      },
    );
    const extract = async (n: number) => h!.extractor.extractWithReport(episode(n), { top: 3, episodeId: n });

    for (const n of [1, 2, 3]) expect((await extract(n)).fallbackReason).toMatch(/500/);
    expect(h.server.requests).toHaveLength(3);
    expect(h.logs.some((l) => l.includes('provider looks down'))).toBe(true);

    const blocked = await extract(4);
    expect(blocked.engine).toBe('embedded');
    expect(blocked.insights.length).toBeGreaterThan(0);
    expect(blocked.fallbackReason).toBe(
      'the LLM provider failed for 3 episodes in a row; not calling it again before 2026-11-29T06:05:00.000Z',
    );
    expect(h.server.requests).toHaveLength(3);

    later(5 * MINUTE);
    expect((await extract(5)).fallbackReason).toMatch(/503/);
    expect(h.server.requests).toHaveLength(4);
    later(5 * MINUTE);
    expect((await extract(6)).fallbackReason).toMatch(/not calling it again before 2026-11-29T06:15:00/);
    expect(h.server.requests).toHaveLength(4);

    later(5 * MINUTE);
    const recovered = await extract(7);
    expect(recovered).toMatchObject({ engine: 'llm', calls: 1 });
    expect(recovered.fallbackReason).toBeUndefined();
    expect((await extract(8)).engine).toBe('llm');
    expect(h.server.requests).toHaveLength(6);
  });

  it('does not count a model that answers badly as a provider that is down', async () => {
    h = await startHarness('openai', [{ malformed: true }], { settings: { maxRetries: 0 } });
    for (const n of [1, 2, 3, 4])
      expect((await h.extractor.extractWithReport(episode(n), { top: 3 })).engine).toBe('embedded');
    const perEpisode = h.server.requests.length / 4;
    expect(perEpisode).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(perEpisode)).toBe(true);
  });
});
