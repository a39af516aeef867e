import { describe, expect, it } from 'vitest';
import { FetchError } from '../../net/index.js';
import { LlmDeferredError, LlmHttpError, LlmUnavailableError } from './errors.js';
import { backoffMs, withRetries } from './retry.js';
import type { Runtime } from './types.js';

const policy = { maxRetries: 2, retryBaseMs: 500, maxRetryWaitMs: 60_000 };

function runtime(): Runtime & { slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => new Date('2024-06-01T00:00:00Z'),
    sleep: async (ms) => void slept.push(ms),
    random: () => 0.5,
  };
}

function failing(...errors: Error[]): () => Promise<string> {
  let n = 0;
  return async () => {
    const err = errors[n++];
    if (err) throw err;
    return 'ok';
  };
}

describe('withRetries', () => {
  it('backs off exponentially with jitter, capped at 8 s', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, 500, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(0, 500, () => 1)).toBe(375);
  });

  it('retries 5xx, 529, 408 and timeouts, honouring Retry-After', async () => {
    const rt = runtime();
    const call = failing(new LlmHttpError(529, 'overloaded'), new LlmHttpError(503, 'down', { retryAfterMs: 7000 }));
    expect(await withRetries(call, policy, rt)).toBe('ok');
    expect(rt.slept).toEqual([437.5, 7000]);
    expect(
      await withRetries(
        failing(new FetchError('timeout', 'slow'), new LlmHttpError(408, 'timeout')),
        policy,
        runtime(),
      ),
    ).toBe('ok');
  });

  it('does not retry what will fail again, unless the server says x-should-retry', async () => {
    await expect(withRetries(failing(new LlmHttpError(400, 'bad')), policy, runtime())).rejects.toMatchObject({
      code: 'llm_http_400',
    });
    await expect(withRetries(failing(new FetchError('tls_error', 'x')), policy, runtime())).rejects.toMatchObject({
      code: 'tls_error',
    });
    expect(await withRetries(failing(new LlmHttpError(400, 'odd', { shouldRetry: true })), policy, runtime())).toBe(
      'ok',
    );
    await expect(
      withRetries(failing(new LlmHttpError(500, 'no', { shouldRetry: false })), policy, runtime()),
    ).rejects.toMatchObject({ code: 'llm_http_500' });
  });

  it('never sleeps beyond the cap: a longer Retry-After defers at once', async () => {
    const rt = runtime();
    const err = await withRetries(
      failing(new LlmHttpError(429, 'slow down', { retryAfterMs: 86_400_000 })),
      policy,
      rt,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmDeferredError);
    expect((err as LlmDeferredError).retryAt.toISOString()).toBe('2024-06-02T00:00:00.000Z');
    expect(rt.slept).toEqual([]);
  });

  it('defers a persisting 429 and reports other exhausted retries as unavailable', async () => {
    const limited = Array.from({ length: 3 }, () => new LlmHttpError(429, 'limit', { retryAfterMs: 2000 }));
    const rt = runtime();
    await expect(withRetries(failing(...limited), policy, rt)).rejects.toMatchObject({
      code: 'rate_limited',
      retryAt: new Date('2024-06-01T00:00:02Z'),
    });
    expect(rt.slept).toEqual([2000, 2000]);
    const down = Array.from({ length: 3 }, () => new LlmHttpError(502, 'LLM API answered HTTP 502'));
    const err = await withRetries(failing(...down), policy, runtime()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmUnavailableError);
    expect((err as Error).message).toBe('LLM call failed after 3 attempts: LLM API answered HTTP 502');
  });
});
