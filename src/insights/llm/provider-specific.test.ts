import { afterEach, describe, expect, it } from 'vitest';
import { goodOutput, showTranscript, transcriptOf } from './test-support/fixtures.js';
import { startHarness, type Harness } from './test-support/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('OpenAI-compatible Chat Completions', () => {
  it('asks for strict json_schema output with a Bearer key', async () => {
    h = await startHarness('openai', [{ output: goodOutput }]);
    await h.extractor.extract(showTranscript());
    const req = h.server.requests[0]!;
    expect(req.headers['authorization']).toBe('Bearer sk-test');
    expect(req.body).toMatchObject({ model: 'test-model', messages: [{ role: 'system' }, { role: 'user' }] });
    expect(req.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'record_insights', strict: true },
    });
  });

  for (const server of ['openai', 'deepseek'] as const) {
    it(`retries in json_object mode when a server rejects json_schema (${server} wording), and keeps that mode`, async () => {
      h = await startHarness('openai', [{ output: goodOutput }], { openai: { rejectJsonSchema: server } });
      const report = await h.extractor.extractWithReport(showTranscript(), { top: 5 });
      expect(report.engine).toBe('llm');
      expect(report.insights).toHaveLength(3);
      expect(h.server.requests.map((r) => r.body.response_format.type)).toEqual(['json_schema', 'json_object']);

      const other = transcriptOf(showTranscript().segments.slice(0, 10));
      await h.extractor.extract(other, { top: 5 });
      expect(h.server.requests.map((r) => r.body.response_format.type)).toEqual([
        'json_schema',
        'json_object',
        'json_object',
      ]);
      expect(h.logs.filter((l) => l.includes('does not take json_schema'))).toHaveLength(1);
    });
  }

  it('works without a key for self-hosted servers (no Authorization header)', async () => {
    h = await startHarness('openai', [{ output: goodOutput }], { settings: { apiKey: '' }, openai: { apiKey: '' } });
    const report = await h.extractor.extractWithReport(showTranscript());
    expect(h.server.requests[0]!.headers['authorization']).toBeUndefined();
    // The fake insists on a key, as api.openai.com does: no key is a 401, and we fall back.
    expect(report.engine).toBe('embedded');
  });
});

describe('Anthropic Messages', () => {
  it('forces the one schema tool and sends the documented headers', async () => {
    h = await startHarness('anthropic', [{ output: goodOutput }]);
    await h.extractor.extract(showTranscript());
    const req = h.server.requests[0]!;
    expect(req.headers['x-api-key']).toBe('sk-ant-test');
    expect(req.headers['anthropic-version']).toBe('2023-06-01');
    expect(req.body.tools).toHaveLength(1);
    expect(req.body.tools[0]).toMatchObject({ name: 'record_insights', input_schema: { type: 'object' } });
    expect(req.body.tool_choice).toEqual({ type: 'tool', name: 'record_insights' });
    expect(req.body.max_tokens).toBeGreaterThan(0);
    expect(typeof req.body.system).toBe('string');
  });

  it('retries a 529 overloaded_error and succeeds', async () => {
    h = await startHarness('anthropic', [{ status: 529 }, { output: goodOutput }]);
    const report = await h.extractor.extractWithReport(showTranscript(), { top: 5 });
    expect(report.engine).toBe('llm');
    expect(h.server.requests).toHaveLength(2);
    expect(h.logs.some((l) => l.includes('code=llm_http_529'))).toBe(true);
  });

  it('falls back when 529 outlasts the retries, naming the provider’s error', async () => {
    h = await startHarness('anthropic', [{ status: 529 }], { settings: { maxRetries: 1 } });
    const report = await h.extractor.extractWithReport(showTranscript(), { top: 3 });
    expect(report.engine).toBe('embedded');
    expect(report.fallbackReason).toBe(
      'LLM call failed after 2 attempts: LLM API answered HTTP 529 (overloaded_error): Overloaded',
    );
  });
});
