import { createLogger } from '../../../logger.js';
import { openStore, type Store } from '../../../store/index.js';
import { createTestDatabase, type TestDatabase } from '../../../store/test-harness.js';
import { createLlmExtractor, type LlmExtractorDeps } from '../create-llm-extractor.js';
import type { LlmProviderName, LlmSettings } from '../settings.js';
import type { InsightEngine } from '../types.js';
import { startFakeAnthropic } from './fake-anthropic.js';
import { startFakeOpenAi, type FakeOpenAiOptions } from './fake-openai.js';
import type { FakeServer } from './fake-server.js';
import type { Step } from './script.js';

export interface Harness {
  server: FakeServer;
  store: Store;
  settings: LlmSettings;
  extractor: InsightEngine;
  /** Every log line, debug included. */
  logs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  settings?: Partial<LlmSettings>;
  openai?: FakeOpenAiOptions;
  deps?: Partial<LlmExtractorDeps>;
}

/** A fake provider server on 127.0.0.1, a real SQLite store and the LLM extractor pointed at both. */
export async function startHarness(
  provider: LlmProviderName,
  script: Step[],
  opts: HarnessOptions = {},
): Promise<Harness> {
  const server = provider === 'openai' ? await startFakeOpenAi(script, opts.openai) : await startFakeAnthropic(script);
  let db: TestDatabase | undefined;
  try {
    db = await createTestDatabase('sqlite');
    const store = await openStore(db.options);
    const logs: string[] = [];
    const settings: LlmSettings = {
      provider,
      baseUrl: provider === 'openai' ? `${server.url}/v1` : server.url,
      model: 'test-model',
      apiKey: provider === 'openai' ? 'sk-test' : 'sk-ant-test',
      timeoutMs: 5_000,
      maxRetries: 2,
      dailyBudgetUsd: 1,
      priceInputPerMtok: 0,
      priceOutputPerMtok: 0,
      maxChunkTokens: 12_000,
      retryBaseMs: 10,
      maxRetryWaitMs: 60_000,
      ...opts.settings,
    };
    const log = createLogger('debug', (line) => logs.push(line));
    const extractor = createLlmExtractor({ settings, store, log, ...opts.deps });
    const testDb = db;
    return {
      server,
      store,
      settings,
      extractor,
      logs,
      async close() {
        await server.close();
        await store.close();
        await testDb.dispose();
      },
    };
  } catch (err) {
    await server.close();
    await db?.dispose();
    throw err;
  }
}
