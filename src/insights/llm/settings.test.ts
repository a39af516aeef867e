import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { selectExtractor } from './select-extractor.js';
import { llmSettingsFrom } from './settings.js';

const noStore = {} as never;
const log = { debug() {}, info() {}, warn() {}, error() {} };

describe('LLM settings', () => {
  it('are not needed for the embedded default', () => {
    const config = loadConfig({ env: {} });
    expect(selectExtractor(config, { store: noStore, log }).name).toBe('embedded');
    expect(() => llmSettingsFrom(config)).toThrow(/^The LLM engine is not configured: the LLM engine needs LLM_MODEL/);
  });

  it('fail config load when INSIGHT_ENGINE=llm lacks a model or a needed key', () => {
    expect(() => loadConfig({ env: { INSIGHT_ENGINE: 'llm' } })).toThrow(
      /INSIGHT_ENGINE=llm: the LLM engine needs LLM_MODEL/,
    );
    expect(() => loadConfig({ env: { INSIGHT_ENGINE: 'llm', LLM_MODEL: 'gpt-4o-mini' } })).toThrow(
      /default LLM_BASE_URL \(api\.openai\.com\) needs LLM_API_KEY/,
    );
    expect(() =>
      loadConfig({
        env: {
          INSIGHT_ENGINE: 'llm',
          LLM_PROVIDER: 'anthropic',
          LLM_MODEL: 'claude',
          LLM_BASE_URL: 'http://127.0.0.1:1',
        },
      }),
    ).toThrow(/LLM_PROVIDER=anthropic needs LLM_API_KEY/);
    expect(() => loadConfig({ env: { LLM_TIMEOUT_SECONDS: '600' } })).toThrow(
      /LLM_TIMEOUT_SECONDS="600".*from 1 to 120/,
    );
    expect(() => loadConfig({ env: { LLM_DAILY_BUDGET_USD: '-1' } })).toThrow(
      /LLM_DAILY_BUDGET_USD="-1".*e\.g\. 1\.50/,
    );
  });

  it('map to the engine’s units, with each provider’s default base URL', () => {
    const openai = llmSettingsFrom(
      loadConfig({
        env: {
          INSIGHT_ENGINE: 'llm',
          LLM_MODEL: 'gpt-4o-mini',
          LLM_API_KEY: 'sk-1',
          LLM_PRICE_INPUT_PER_MTOK: '0.15',
          LLM_PRICE_OUTPUT_PER_MTOK: '0.6',
        },
      }),
    );
    expect(openai).toMatchObject({
      provider: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-1',
      timeoutMs: 60_000,
      maxRetries: 2,
      dailyBudgetUsd: 1,
      priceInputPerMtok: 0.15,
      priceOutputPerMtok: 0.6,
      maxChunkTokens: 12_000,
      maxRetryWaitMs: 60_000,
    });
    const anthropic = llmSettingsFrom(
      loadConfig({ env: { LLM_PROVIDER: 'anthropic', LLM_MODEL: 'claude-sonnet-4-5', LLM_API_KEY: 'k' } }),
    );
    expect(anthropic.baseUrl).toBe('https://api.anthropic.com');
    const ollama = loadConfig({
      env: { INSIGHT_ENGINE: 'llm', LLM_MODEL: 'llama3.1', LLM_BASE_URL: 'http://127.0.0.1:11434/v1/' },
    });
    expect(llmSettingsFrom(ollama)).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', apiKey: '' });
    expect(selectExtractor(ollama, { store: noStore, log }).name).toBe('llm');
  });
});
