import { AppError } from '../model/errors.js';
import {
  type FetchOptions,
  type HttpFailure,
  type JsonRetryPolicy,
  redactUrl,
  requestJsonWithRetry,
  withRetryDefaults,
} from '../net/index.js';

/** Turns texts into vectors; one call may carry many texts. */
export interface Embedder {
  readonly model: string;
  embed(texts: string[]): Promise<number[][]>;
}

export interface EmbeddingsClientOptions {
  /** e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1` (Ollama). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Texts per request. */
  batchSize?: number;
  fetch?: FetchOptions;
  /** Retries of a request after 408/409/429/5xx/529 or a timeout; defaults in DEFAULT_EMBEDDINGS_RETRY. */
  retry?: Partial<JsonRetryPolicy>;
}

const DEFAULT_EMBEDDINGS_RETRY: JsonRetryPolicy = { maxRetries: 3, baseMs: 500, maxWaitMs: 30_000 };

interface EmbeddingsResponse {
  data?: Array<{ index?: number; embedding?: unknown }>;
}

/**
 * A client of an OpenAI-compatible `POST {baseUrl}/embeddings` endpoint:
 * `{"model", "input": [texts]}` → `{"data": [{"index", "embedding": [floats]}]}`.
 */
export function embeddingsClient(opts: EmbeddingsClientOptions): Embedder {
  const url = `${opts.baseUrl.replace(/\/+$/, '')}/embeddings`;
  const batchSize = opts.batchSize ?? 64;
  return {
    model: opts.model,
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize)
        out.push(...(await embedBatch(url, opts, texts.slice(i, i + batchSize))));
      return out;
    },
  };
}

async function embedBatch(url: string, opts: EmbeddingsClientOptions, input: string[]): Promise<number[][]> {
  const shown = redactUrl(url);
  const parsed = (await requestJsonWithRetry(url, {
    fetch: {
      ...opts.fetch,
      method: 'POST',
      maxRedirects: 0,
      body: JSON.stringify({ model: opts.model, input }),
      headers: {
        ...opts.fetch?.headers,
        'content-type': 'application/json',
        ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
      },
    },
    retry: withRetryDefaults(DEFAULT_EMBEDDINGS_RETRY, opts.retry),
    errors: {
      http: (failure) => httpFailure(shown, failure),
      failed: (reason, cause) =>
        new AppError('embeddings_unavailable', `Embeddings endpoint ${shown}: ${reason}`, { cause }),
      notJson: (status) =>
        new AppError(
          'embeddings_invalid_response',
          `Embeddings endpoint ${shown} did not answer with JSON (HTTP ${status})`,
        ),
    },
  })) as EmbeddingsResponse | null;
  const data = Array.isArray(parsed?.data) ? parsed.data : [];
  const vectors: number[][] = new Array(input.length);
  data.forEach((d, n) => {
    const index = typeof d.index === 'number' ? d.index : n;
    if (Array.isArray(d.embedding) && d.embedding.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      vectors[index] = d.embedding as number[];
    }
  });
  const dims = vectors[0]?.length ?? 0;
  for (let i = 0; i < input.length; i += 1) {
    if (!vectors[i] || vectors[i]?.length !== dims || dims === 0) {
      throw new AppError(
        'embeddings_invalid_response',
        `Embeddings endpoint ${redactUrl(url)} returned no usable vector for input ${i}`,
      );
    }
  }
  return vectors;
}

/** One line naming the status and the provider's own `{"error": {"message", "type"}}` when sent. */
function httpFailure(shown: string, { status, said, retryAfterMs }: HttpFailure): AppError {
  const detail = [said.type, said.message].filter(Boolean).join(': ').slice(0, 200);
  const extras = [detail, retryAfterMs !== undefined ? `retry after ${Math.ceil(retryAfterMs / 1000)} s` : '']
    .filter(Boolean)
    .join('; ');
  const code = status === 429 ? 'embeddings_rate_limited' : 'embeddings_unavailable';
  return new AppError(code, `Embeddings endpoint ${shown} answered HTTP ${status}${extras ? ` (${extras})` : ''}`);
}
