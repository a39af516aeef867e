import { AppError, errorMessage } from '../model/errors.js';
import {
  apiErrorText,
  FetchError,
  isTransientFetchError,
  isTransientHttpStatus,
  redactUrl,
  retryAfterMsOf,
  retryTransient,
  safeFetch,
  type FetchOptions,
  type FetchResult,
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
  retry?: Partial<EmbeddingsRetryPolicy>;
}

interface EmbeddingsRetryPolicy {
  maxRetries: number;
  /** First backoff step; doubles per retry, with jitter, capped at 8 s. */
  baseMs: number;
  /** Longest Retry-After honoured; a longer one fails at once. */
  maxWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const DEFAULT_EMBEDDINGS_RETRY: EmbeddingsRetryPolicy = { maxRetries: 3, baseMs: 500, maxWaitMs: 30_000 };

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
  const policy = withRetryDefaults(DEFAULT_EMBEDDINGS_RETRY, opts.retry);
  let res: FetchResult;
  try {
    res = await retryTransient(() => postOnce(url, opts, input), {
      ...policy,
      isTransient: (err) =>
        (err instanceof EmbeddingsHttpError && isTransientHttpStatus(err.status)) || isTransientFetchError(err),
      retryAfterMs: (err) => (err instanceof EmbeddingsHttpError ? err.retryAfterMs : undefined),
    });
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    throw new AppError('embeddings_unavailable', `Embeddings endpoint ${redactUrl(url)}: ${err.reason}`, {
      cause: err,
    });
  }
  // Malformed JSON is not retried: unlike a model, an embeddings server answers the same input the same way.
  let parsed: EmbeddingsResponse;
  try {
    parsed = JSON.parse(res.body.toString('utf8')) as EmbeddingsResponse;
  } catch {
    throw new AppError(
      'embeddings_invalid_response',
      `Embeddings endpoint ${redactUrl(url)} did not answer with JSON (HTTP ${res.status})`,
    );
  }
  const data = Array.isArray(parsed.data) ? parsed.data : [];
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

/** One POST; a non-2xx answer throws EmbeddingsHttpError, a failed request FetchError. */
async function postOnce(url: string, opts: EmbeddingsClientOptions, input: string[]): Promise<FetchResult> {
  let res: FetchResult;
  try {
    res = await safeFetch(url, {
      ...opts.fetch,
      method: 'POST',
      accept: 'application/json',
      maxRedirects: 0,
      throwHttpErrors: false,
      body: JSON.stringify({ model: opts.model, input }),
      headers: {
        ...opts.fetch?.headers,
        'content-type': 'application/json',
        ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
      },
    });
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new AppError('embeddings_unavailable', `Embeddings endpoint ${redactUrl(url)}: ${errorMessage(err)}`, {
      cause: err,
    });
  }
  if (res.status < 200 || res.status >= 300) throw httpFailure(url, res);
  return res;
}

class EmbeddingsHttpError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(code, message);
  }
}

/** One line naming the status and the provider's own `{"error": {"message", "type"}}` when sent. */
function httpFailure(url: string, res: FetchResult): EmbeddingsHttpError {
  let json: unknown;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch {
    // Not JSON: the status says enough.
  }
  const { type, message: said } = apiErrorText(json);
  const detail = [type, said].filter(Boolean).join(': ').slice(0, 200);
  const retryAfterMs = retryAfterMsOf(res.headers);
  const extras = [detail, retryAfterMs !== undefined ? `retry after ${Math.ceil(retryAfterMs / 1000)} s` : '']
    .filter(Boolean)
    .join('; ');
  const code = res.status === 429 ? 'embeddings_rate_limited' : 'embeddings_unavailable';
  const message = `Embeddings endpoint ${redactUrl(url)} answered HTTP ${res.status}${extras ? ` (${extras})` : ''}`;
  return new EmbeddingsHttpError(code, message, res.status, retryAfterMs);
}
