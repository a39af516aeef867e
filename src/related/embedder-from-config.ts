import { TIMEOUT_AND_AGENT_KEYS, timeoutsAndAgent, type Config } from '../config/index.js';
import { AppError } from '../model/errors.js';
import { embeddingsClient, type Embedder } from './embeddings.js';

/** Every setting embedderFromConfig reads: a command may load and check just these. */
export const EMBEDDER_CONFIG_KEYS = [
  'embeddingsBaseUrl',
  'embeddingsModel',
  'embeddingsApiKey',
  'embeddingsMaxRetries',
  'transcriptMaxBytes',
  ...TIMEOUT_AND_AGENT_KEYS,
] as const;

/** The configured embeddings endpoint, or undefined when EMBEDDINGS_BASE_URL is empty. */
export function embedderFromConfig(config: Pick<Config, (typeof EMBEDDER_CONFIG_KEYS)[number]>): Embedder | undefined {
  if (!config.embeddingsBaseUrl) return undefined;
  if (!config.embeddingsModel) {
    throw new AppError('invalid_config', 'EMBEDDINGS_MODEL is required when EMBEDDINGS_BASE_URL is set');
  }
  return embeddingsClient({
    baseUrl: config.embeddingsBaseUrl,
    model: config.embeddingsModel,
    ...(config.embeddingsApiKey ? { apiKey: config.embeddingsApiKey } : {}),
    // The operator chose this URL (often Ollama on localhost), not a feed: private addresses are fine.
    fetch: { ...timeoutsAndAgent(config), maxBytes: config.transcriptMaxBytes, allowPrivateNetworks: true },
    retry: { maxRetries: config.embeddingsMaxRetries },
  });
}
