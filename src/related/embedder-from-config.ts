import type { Config } from '../config/index.js';
import { AppError } from '../model/errors.js';
import type { FetchOptions } from '../net/index.js';
import { embeddingsClient, type Embedder } from './embeddings.js';

/** The configured embeddings endpoint, or undefined when EMBEDDINGS_BASE_URL is empty. */
export function embedderFromConfig(
  config: Pick<Config, 'embeddingsBaseUrl' | 'embeddingsModel' | 'embeddingsApiKey' | 'embeddingsMaxRetries'>,
  fetch: FetchOptions = {},
): Embedder | undefined {
  if (!config.embeddingsBaseUrl) return undefined;
  if (!config.embeddingsModel) {
    throw new AppError('invalid_config', 'EMBEDDINGS_MODEL is required when EMBEDDINGS_BASE_URL is set');
  }
  return embeddingsClient({
    baseUrl: config.embeddingsBaseUrl,
    model: config.embeddingsModel,
    ...(config.embeddingsApiKey ? { apiKey: config.embeddingsApiKey } : {}),
    fetch,
    retry: { maxRetries: config.embeddingsMaxRetries },
  });
}
