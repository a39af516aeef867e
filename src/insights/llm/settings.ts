import { llmConfigProblems } from '../../config/llm-checks.js';
import type { Config } from '../../config/options.js';
import { AppError } from '../../model/errors.js';

export type LlmProviderName = 'openai' | 'anthropic';

/** Everything the LLM engine needs from the configuration, in the units the code uses. */
export interface LlmSettings {
  provider: LlmProviderName;
  /** Without a trailing slash; the provider appends its path. */
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Deadline of one HTTP call, connect to last byte. */
  timeoutMs: number;
  maxRetries: number;
  dailyBudgetUsd: number;
  priceInputPerMtok: number;
  priceOutputPerMtok: number;
  maxChunkTokens: number;
  userAgent?: string;
  /** First backoff step; doubles per retry, with jitter. */
  retryBaseMs: number;
  /** Longest in-process wait for a retry; a longer Retry-After defers the episode instead. */
  maxRetryWaitMs: number;
}

const DEFAULT_BASE_URLS: Record<LlmProviderName, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
};

const MAX_RETRY_WAIT_MS = 60_000;

/** Throws `llm_not_configured` naming what is missing (the CLI's `--engine llm` meets this). */
export function llmSettingsFrom(config: Config): LlmSettings {
  const problems = llmConfigProblems(config);
  if (problems.length > 0) {
    throw new AppError('llm_not_configured', `The LLM engine is not configured: ${problems.join('; ')}`);
  }
  return {
    provider: config.llmProvider,
    baseUrl: baseUrlFor(config.llmProvider, config.llmBaseUrl),
    model: config.llmModel,
    apiKey: config.llmApiKey,
    timeoutMs: config.llmTimeoutSeconds * 1000,
    maxRetries: config.llmMaxRetries,
    dailyBudgetUsd: config.llmDailyBudgetUsd,
    priceInputPerMtok: config.llmPriceInputPerMtok,
    priceOutputPerMtok: config.llmPriceOutputPerMtok,
    maxChunkTokens: config.llmMaxChunkTokens,
    userAgent: config.userAgent,
    retryBaseMs: 500,
    maxRetryWaitMs: MAX_RETRY_WAIT_MS,
  };
}

function baseUrlFor(provider: LlmProviderName, configured: string): string {
  const url = (configured || DEFAULT_BASE_URLS[provider]).replace(/\/+$/, '');
  // Anthropic's documented base has no /v1 (the path is /v1/messages); accept it either way.
  return provider === 'anthropic' ? url.replace(/\/v1$/, '') : url;
}

/** True when calls cost something, so the daily budget applies. */
export function isPriced(s: Pick<LlmSettings, 'priceInputPerMtok' | 'priceOutputPerMtok'>): boolean {
  return s.priceInputPerMtok > 0 || s.priceOutputPerMtok > 0;
}
