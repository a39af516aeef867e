import { describe, expect, it } from 'vitest';
import { insight } from './test-fixtures.js';
import { testDialects } from './test-harness.js';
import { useTestStore } from './test-store.js';
import type { LlmCacheKey, NewLlmCall } from './types.js';

function call(patch: Partial<NewLlmCall> = {}): NewLlmCall {
  return {
    episodeId: 7,
    transcriptHash: 'hash-1',
    provider: 'openai',
    model: 'gpt-test',
    promptVersion: 'v1',
    inputTokens: 1200,
    outputTokens: 300,
    costUsd: 0.125,
    durationMs: 850,
    outcome: 'ok',
    at: new Date('2024-06-01T10:00:00Z'),
    ...patch,
  };
}

const key: LlmCacheKey = { transcriptHash: 'hash-1', engine: 'llm:openai', model: 'gpt-test', promptVersion: 'v1' };

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`LLM usage and cache [${label}]`, () => {
    const t = useTestStore(dialect);

    it('records calls per episode and sums the spend since a moment', async () => {
      expect(await t.store.llmSpendSince(new Date('2024-01-01T00:00:00Z'))).toBe(0);
      await t.store.recordLlmCall(call({ at: new Date('2024-05-31T23:59:59Z'), costUsd: 5 }));
      await t.store.recordLlmCall(call());
      await t.store.recordLlmCall(call({ episodeId: null, costUsd: 0.375, outcome: 'malformed_output' }));

      expect(await t.store.llmSpendSince(new Date('2024-06-01T00:00:00Z'))).toBeCloseTo(0.5, 10);
      expect(await t.store.llmSpendSince(new Date('2024-05-01T00:00:00Z'))).toBeCloseTo(5.5, 10);
      const calls = await t.store.llmCallsByEpisode(7);
      expect(calls).toHaveLength(2);
      expect(calls[1]).toEqual({
        id: calls[1]!.id,
        episodeId: 7,
        transcriptHash: 'hash-1',
        provider: 'openai',
        model: 'gpt-test',
        promptVersion: 'v1',
        inputTokens: 1200,
        outputTokens: 300,
        costUsd: 0.125,
        durationMs: 850,
        outcome: 'ok',
        createdAt: '2024-06-01T10:00:00.000Z',
      });
    });

    it('caches insights by transcript hash, engine, model and prompt version, first writer wins', async () => {
      expect(await t.store.cachedLlmInsights(key)).toBeUndefined();
      const first = [insight(0), insight(1)];
      await t.store.cacheLlmInsights(key, first);
      await t.store.cacheLlmInsights(key, [insight(9)]);
      expect(await t.store.cachedLlmInsights(key)).toEqual(first);
      expect(await t.store.cachedLlmInsights({ ...key, promptVersion: 'v2' })).toBeUndefined();
      expect(await t.store.cachedLlmInsights({ ...key, model: 'other' })).toBeUndefined();
      expect(await t.store.cachedLlmInsights({ ...key, engine: 'llm:anthropic' })).toBeUndefined();

      await t.store.cacheLlmInsights({ ...key, transcriptHash: 'hash-2' }, []);
      expect(await t.store.cachedLlmInsights({ ...key, transcriptHash: 'hash-2' })).toEqual([]);
    });
  });
}
