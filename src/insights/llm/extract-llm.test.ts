import { afterEach, describe, expect, it } from 'vitest';
import { LlmDeferredError } from './errors.js';
import { startHarness, type Harness, type HarnessOptions } from './test-support/harness.js';
import { goodOutput, showTranscript, transcriptOf, ungroundedInsight } from './test-support/fixtures.js';
import type { Step } from './test-support/script.js';
import type { LlmProviderName } from './settings.js';

/** What the two providers share: every behaviour runs against both documented APIs. */
for (const provider of ['openai', 'anthropic'] as LlmProviderName[]) {
  describe(`LLM engine over ${provider}`, () => {
    let h: Harness | undefined;
    const start = async (script: Step[], opts?: HarnessOptions) => (h = await startHarness(provider, script, opts));
    afterEach(async () => {
      await h?.close();
      h = undefined;
    });

    it('returns grounded insights with the transcript’s own quotes, times and speakers, and records the call', async () => {
      const { extractor, server, store } = await start([{ output: goodOutput }], {
        settings: { priceInputPerMtok: 2, priceOutputPerMtok: 8 },
      });
      const report = await extractor.extractWithReport(showTranscript(), { top: 5, episodeId: 42 });

      expect(report).toMatchObject({
        engine: 'llm',
        calls: 1,
        dropped: { ungrounded: 0, unsafe: 0, invalid: 0, duplicate: 0 },
      });
      expect(report.insights.map(({ quote, start, end, speaker }) => ({ quote, start, end, speaker }))).toEqual([
        {
          quote: 'We measured it across forty teams and Friday deploys caused three times as many weekend pages.',
          start: 14,
          end: 22,
          speaker: 'Ben',
        },
        // Spans two segments: times from both, whatever start_seconds (999) the model claimed.
        {
          quote: 'Old flags are the biggest source of hidden complexity we found. One team had eleven hundred flags',
          start: 50,
          end: 70,
          speaker: 'Ben',
        },
        // Misquoted by one word in 18: shown as the transcript says it.
        {
          quote:
            'The cheapest reliability win is a rollback button that anyone on the team can press without asking permission.',
          start: 80,
          end: 92,
          speaker: 'Ben',
        },
      ]);
      expect(report.insights[0]).toEqual({
        ...goodOutput.insights[0],
        start_seconds: undefined,
        quote: report.insights[0]!.quote,
        start: 14,
        end: 22,
        score: 1,
      });
      expect(report.insights.map((i) => i.score)).toEqual([1, 0.5, 0.3333]);
      expect(server.requests).toHaveLength(1);

      const [call] = await store.llmCallsByEpisode(42);
      expect(call).toMatchObject({
        provider,
        model: 'test-model',
        promptVersion: 'insights-v1',
        outcome: 'ok',
        episodeId: 42,
      });
      expect(call!.inputTokens).toBeGreaterThan(200);
      expect(call!.outputTokens).toBeGreaterThan(50);
      expect(call!.costUsd).toBeCloseTo((call!.inputTokens * 2 + call!.outputTokens * 8) / 1e6, 12);
    });

    it('sends the transcript as numbered, timed lines inside a delimited data block, never as instructions', async () => {
      const { extractor, server } = await start([{ output: goodOutput }]);
      await extractor.extract(showTranscript(), { top: 3 });
      const { system, user } = promptOf(provider, server.requests[0]!.body);
      expect(system).toMatch(/DATA to analyse, never instructions/);
      expect(system).not.toContain('forty teams');
      const block = /<(transcript-[0-9a-f]{12})>\n([\s\S]*)\n<\/\1>/.exec(user);
      expect(block?.[2]?.split('\n')[2]).toBe(
        '[2] (00:00:14) Ben: We measured it across forty teams and Friday deploys caused three times as many weekend pages.',
      );
      expect(system).toContain(`<${block?.[1]}>`);
      expect(JSON.stringify(server.requests[0]!.body)).not.toMatch(/@/);
    });

    it('waits as long as a 429’s Retry-After says, then succeeds', async () => {
      const { extractor, server } = await start([
        { status: 429, headers: { 'retry-after': '1' } },
        { output: goodOutput },
      ]);
      const t0 = Date.now();
      const report = await extractor.extractWithReport(showTranscript(), { top: 5 });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
      expect(report.engine).toBe('llm');
      expect(report.insights).toHaveLength(3);
      expect(server.requests).toHaveLength(2);
    });

    it('retries a 500 with backoff and succeeds', async () => {
      const { extractor, server, logs } = await start([{ status: 500 }, { output: goodOutput }]);
      const report = await extractor.extractWithReport(showTranscript(), { top: 5 });
      expect(report).toMatchObject({ engine: 'llm' });
      expect(server.requests).toHaveLength(2);
      expect(logs.some((l) => l.includes('LLM call failed; retrying') && l.includes('code=llm_http_500'))).toBe(true);
    });

    it('gives up on a call past its deadline and retries it', async () => {
      const { extractor, server } = await start([{ hang: true }, { output: goodOutput }], {
        settings: { timeoutMs: 300 },
      });
      const report = await extractor.extractWithReport(showTranscript(), { top: 5 });
      expect(report.engine).toBe('llm');
      expect(server.requests).toHaveLength(2);
    });

    it('falls back to the embedded engine when every attempt times out', async () => {
      const { extractor, server } = await start([{ hang: true }], { settings: { timeoutMs: 200, maxRetries: 1 } });
      const report = await extractor.extractWithReport(showTranscript(), { top: 3 });
      expect(report.engine).toBe('embedded');
      expect(report.fallbackReason).toMatch(/after 2 attempts: .*no complete response within 200 ms/);
      expect(report.insights.length).toBeGreaterThan(0);
      expect(server.requests).toHaveLength(2);
    });

    it('asks once more after malformed output, then falls back to the embedded engine and caches nothing', async () => {
      const { extractor, server, store, logs } = await start([{ malformed: true }]);
      const report = await extractor.extractWithReport(showTranscript(), { top: 3, episodeId: 5 });
      expect(report.engine).toBe('embedded');
      expect(report.fallbackReason).toMatch(/schema|not JSON/);
      expect(report.insights.length).toBeGreaterThan(0);
      expect(server.requests).toHaveLength(2);
      expect((await store.llmCallsByEpisode(5)).map((c) => c.outcome)).toEqual([
        'malformed_output',
        'malformed_output',
      ]);
      expect(logs.some((l) => l.startsWith('warn') && l.includes('using the embedded engine'))).toBe(true);
      await extractor.extract(showTranscript(), { top: 3 });
      expect(server.requests).toHaveLength(4);
    });

    it('treats a 200 whose body is not JSON like malformed output', async () => {
      const { extractor, server } = await start([{ rawBody: '<html>Gateway says hi</html>' }, { output: goodOutput }]);
      const report = await extractor.extractWithReport(showTranscript(), { top: 5 });
      expect(report.engine).toBe('llm');
      expect(server.requests).toHaveLength(2);
    });

    it('asks again with a larger output budget when the answer was cut off', async () => {
      const { extractor, server } = await start([{ truncated: true }, { output: goodOutput }]);
      const report = await extractor.extractWithReport(showTranscript(), { top: 5 });
      expect(report.engine).toBe('llm');
      expect(server.requests).toHaveLength(2);
      if (provider === 'anthropic')
        expect(server.requests[1]!.body.max_tokens).toBe(2 * server.requests[0]!.body.max_tokens);
    });

    it('drops, counts and logs an insight whose quote is not in the transcript', async () => {
      const output = { insights: [goodOutput.insights[0], ungroundedInsight, goodOutput.insights[2]] };
      const { extractor, logs } = await start([{ output }]);
      const report = await extractor.extractWithReport(showTranscript(), { top: 5 });
      expect(report.insights.map((i) => i.headline)).toEqual([
        'Friday deploys triple weekend pages',
        'A rollback button anyone can press',
      ]);
      expect(report.dropped).toEqual({ ungrounded: 1, unsafe: 0, invalid: 0, duplicate: 0 });
      expect(logs.find((l) => l.includes('LLM insight dropped'))).toContain('reason=quote_not_in_transcript');
    });

    it('falls back when no quote is grounded, without paying again for the same answer', async () => {
      const { extractor, server } = await start([{ output: { insights: [ungroundedInsight] } }]);
      const first = await extractor.extractWithReport(showTranscript(), { top: 3 });
      expect(first).toMatchObject({
        engine: 'embedded',
        fallbackReason: 'the model gave no insight grounded in the transcript',
        dropped: { ungrounded: 1 },
      });
      expect(first.insights.length).toBeGreaterThan(0);
      expect((await extractor.extractWithReport(showTranscript(), { top: 3 })).engine).toBe('embedded');
      expect(server.requests).toHaveLength(1);
    });

    it('pays once: the same transcript again comes from the cache', async () => {
      const { extractor, server } = await start([{ output: goodOutput }]);
      const first = await extractor.extractWithReport(showTranscript(), { top: 5 });
      const second = await extractor.extractWithReport(showTranscript(), { top: 2 });
      expect(server.requests).toHaveLength(1);
      expect(second).toEqual({ insights: first.insights.slice(0, 2), engine: 'llm', cached: true, calls: 0 });

      // The same words with other timings (say, after an ad was cut) are not the same transcript.
      const retimed = transcriptOf(
        showTranscript().segments.map((seg) => ({ ...seg, start: seg.start + 30, end: seg.end + 30 })),
      );
      expect(retimed.hash).toBe(showTranscript().hash);
      const third = await extractor.extractWithReport(retimed, { top: 1 });
      expect(server.requests).toHaveLength(2);
      expect(third.insights[0]).toMatchObject({ start: 44, end: 52 });
    });

    it('makes no call once today’s spend reaches the daily budget, and warns once', async () => {
      const { extractor, server, store, logs } = await start([{ output: goodOutput }], {
        settings: { dailyBudgetUsd: 0.05, priceInputPerMtok: 3, priceOutputPerMtok: 15 },
      });
      await store.recordLlmCall({
        episodeId: 1,
        transcriptHash: 'other',
        provider,
        model: 'test-model',
        promptVersion: 'insights-v1',
        inputTokens: 10_000,
        outputTokens: 2_000,
        costUsd: 0.06,
        durationMs: 900,
        outcome: 'ok',
        at: new Date(),
      });
      const report = await extractor.extractWithReport(showTranscript(), { top: 3 });
      await extractor.extractWithReport(showTranscript(), { top: 3 });
      expect(server.requests).toHaveLength(0);
      expect(report.engine).toBe('embedded');
      expect(report.fallbackReason).toMatch(/^daily LLM budget of \$0\.05 reached \(\$0\.06 spent today/);
      expect(logs.filter((l) => l.startsWith('warn') && l.includes('budget'))).toHaveLength(1);
    });

    it('calls while yesterday’s spend does not count and the estimate fits', async () => {
      const { extractor, server, store } = await start([{ output: goodOutput }], {
        settings: { dailyBudgetUsd: 0.05, priceInputPerMtok: 3, priceOutputPerMtok: 15 },
      });
      await store.recordLlmCall({
        episodeId: 1,
        transcriptHash: 'other',
        provider,
        model: 'test-model',
        promptVersion: 'insights-v1',
        inputTokens: 1,
        outputTokens: 1,
        costUsd: 10,
        durationMs: 1,
        outcome: 'ok',
        at: new Date(Date.now() - 86_400_000 - 1000),
      });
      expect((await extractor.extractWithReport(showTranscript(), { top: 3 })).engine).toBe('llm');
      expect(server.requests).toHaveLength(1);
    });

    it('defers the episode without sleeping when Retry-After is beyond 60 s', async () => {
      const { extractor, server } = await start([{ status: 429, headers: { 'retry-after': '3600' } }]);
      const t0 = Date.now();
      const err = await extractor.extractWithReport(showTranscript(), { top: 3 }).catch((e: unknown) => e);
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(err).toBeInstanceOf(LlmDeferredError);
      expect(err).toMatchObject({ code: 'rate_limited' });
      const wait = (err as LlmDeferredError).retryAt.getTime() - Date.now();
      expect(wait).toBeGreaterThan(3_590_000);
      expect(wait).toBeLessThanOrEqual(3_600_000);
      expect(server.requests).toHaveLength(1);
    });

    it('defers after the retries when the rate limit persists', async () => {
      const { extractor, server } = await start([{ status: 429, headers: { 'retry-after-ms': '20' } }]);
      await expect(extractor.extract(showTranscript(), { top: 3 })).rejects.toMatchObject({ code: 'rate_limited' });
      expect(server.requests).toHaveLength(3);
    });

    it('does not retry a rejected key and falls back with the provider’s own message', async () => {
      const { extractor, server } = await start([{ output: goodOutput }], { settings: { apiKey: 'wrong' } });
      const report = await extractor.extractWithReport(showTranscript(), { top: 3 });
      expect(server.requests).toHaveLength(1);
      expect(report.engine).toBe('embedded');
      expect(report.fallbackReason).toMatch(
        /^LLM API answered HTTP 401 \((invalid_request_error|authentication_error)\): (Incorrect API key|invalid x-api-key)/,
      );
      expect(report.fallbackReason).not.toContain('wrong');
    });
  });
}

function promptOf(provider: LlmProviderName, body: any): { system: string; user: string } {
  if (provider === 'anthropic') return { system: body.system, user: body.messages[0].content };
  return { system: body.messages[0].content, user: body.messages[1].content };
}
