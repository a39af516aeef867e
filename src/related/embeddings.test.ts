import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fakeEmbedding,
  json,
  startFakeEmbeddings,
  type FakeEmbeddings,
  type Reply,
} from '../../test/helpers/fake-embeddings.js';
import { startLocalHttp, type LocalHttp } from '../../test/helpers/local-http.js';
import { embeddingsClient } from './embeddings.js';
import { InsightPool } from './pool.js';
import { indexTerms } from './insight-index.js';

async function body(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

/**
 * A stand-in for an OpenAI-compatible /v1/embeddings endpoint, answering in its documented shape
 * ({"object":"list","data":[{"object":"embedding","index","embedding"}],"model","usage"}),
 * with vectors from a fixed word table so similar texts get similar vectors.
 */
const TOPICS = ['kubernetes', 'network', 'squat', 'coaching'];
function vectorOf(text: string): number[] {
  const lower = text.toLowerCase();
  return TOPICS.map((t) => (lower.includes(t) ? 1 : 0.01));
}

describe('embeddings client against an OpenAI-compatible endpoint', () => {
  let http: LocalHttp;
  const seen: Array<{ auth?: string; body: { model: string; input: string[] } }> = [];

  beforeAll(async () => {
    http = await startLocalHttp(() => ({
      '/v1/embeddings': async (req, res) => {
        const parsed = JSON.parse(await body(req)) as { model: string; input: string[] };
        seen.push({ auth: req.headers.authorization, body: parsed });
        // Returned out of order on purpose: clients must place vectors by "index".
        const data = parsed.input
          .map((text, index) => ({ object: 'embedding', index, embedding: vectorOf(text) }))
          .reverse();
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ object: 'list', data, model: parsed.model, usage: { prompt_tokens: 3, total_tokens: 3 } }),
          );
      },
      '/broken/embeddings': (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"data":[{"index":0,"embedding":"nope"}]}'),
      '/null/embeddings': (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('null'),
    }));
  });
  afterAll(() => http?.close());

  it('sends the model, the texts and the key, in batches, and places vectors by index', async () => {
    const client = embeddingsClient({
      baseUrl: `${http.origin}/v1/`,
      model: 'nomic-embed-text',
      apiKey: 'k-123',
      batchSize: 2,
      fetch: { allowPrivateNetworks: true },
    });
    const vectors = await client.embed(['Kubernetes network policies', 'Back squat depth', 'Coaching people']);
    expect(vectors).toEqual([
      vectorOf('Kubernetes network policies'),
      vectorOf('Back squat depth'),
      vectorOf('Coaching people'),
    ]);
    expect(seen.map((s) => s.body.input.length)).toEqual([2, 1]);
    expect(seen[0]).toMatchObject({ auth: 'Bearer k-123', body: { model: 'nomic-embed-text' } });
  });

  it('rejects answers without usable vectors', async () => {
    const client = embeddingsClient({
      baseUrl: `${http.origin}/broken`,
      model: 'm',
      fetch: { allowPrivateNetworks: true },
    });
    await expect(client.embed(['x'])).rejects.toMatchObject({ code: 'embeddings_invalid_response' });
    const nothing = embeddingsClient({
      baseUrl: `${http.origin}/null`,
      model: 'm',
      fetch: { allowPrivateNetworks: true },
    });
    // JSON `null` is JSON but no answer: one AppError line, not a TypeError from reading `.data`.
    await expect(nothing.embed(['x'])).rejects.toMatchObject({ code: 'embeddings_invalid_response' });
  });

  it('embeddings decide near-duplicates and similarity when both items have them', async () => {
    const client = embeddingsClient({
      baseUrl: `${http.origin}/v1`,
      model: 'm',
      fetch: { allowPrivateNetworks: true },
    });
    const texts = [
      'Kubernetes network policies restrict pod traffic',
      'Pod traffic rules in Kubernetes network setups',
      'Back squat depth and bracing',
    ];
    const vectors = await client.embed(texts);
    const pool = new InsightPool(
      texts.map((t, i) => ({
        id: i + 1,
        episodeId: i + 1,
        feedId: i + 1,
        terms: indexTerms(t),
        embedding: vectors[i]!,
        embeddingModel: 'm',
      })),
    );
    expect(pool.semantic(0, 1)).toBeGreaterThan(0.99);
    expect(pool.similarity(0, 2)).toBeLessThan(0.1);
    expect(pool.duplicateGroups()[1]).toBe(pool.duplicateGroups()[0]);
    expect(pool.duplicateGroups()[2]).toBe(2);
  });
});

describe('embeddings client retries transient failures', () => {
  let fake: FakeEmbeddings;
  beforeAll(async () => {
    fake = await startFakeEmbeddings();
  });
  afterAll(() => fake?.close());

  const rateLimited = (retryAfter: string) =>
    json(429, { error: { message: 'Rate limit reached', type: 'rate_limit_error' } }, { 'retry-after': retryAfter });
  const serverError = (status: number) => json(status, { error: { message: 'try later', type: 'server_error' } });

  /** A client of `path` that records its sleeps instead of waiting; `replies` go to /flaky first. */
  function setup(path: string, replies: Reply[] = [], retry: { maxRetries?: number } = {}) {
    fake.failNext(...replies);
    fake.hits.clear();
    const slept: number[] = [];
    const client = embeddingsClient({
      baseUrl: `${fake.origin}${path}`,
      model: 'fake-embed',
      fetch: { allowPrivateNetworks: true, timeoutMs: 300, connectTimeoutMs: 300 },
      retry: { ...retry, sleep: async (ms) => void slept.push(ms), random: () => 0 },
    });
    return { client, slept, requests: () => fake.hits.get(`${path}/embeddings`) ?? 0 };
  }

  it('waits as long as Retry-After asks, then succeeds', async () => {
    const { client, slept, requests } = setup('/flaky/v1', [rateLimited('1')]);
    expect(await client.embed(['kitten'])).toEqual([fakeEmbedding('kitten')]);
    expect(requests()).toBe(2);
    expect(slept).toEqual([1000]);
  });

  it('backs off 0.5 s, 1 s … after 5xx without Retry-After', async () => {
    const { client, slept, requests } = setup('/flaky/v1', [serverError(500), serverError(500)]);
    expect(await client.embed(['sedan'])).toEqual([fakeEmbedding('sedan')]);
    expect(requests()).toBe(3);
    expect(slept).toEqual([500, 1000]);
  });

  it('retries every 5xx, like the LLM client: 502 and 520 too', async () => {
    const { client, slept, requests } = setup('/flaky/v1', [serverError(502), serverError(520)]);
    expect(await client.embed(['sedan'])).toEqual([fakeEmbedding('sedan')]);
    expect(requests()).toBe(3);
    expect(slept).toEqual([500, 1000]);
  });

  it('an undefined retry option keeps its default instead of overriding it', async () => {
    const { client, slept, requests } = setup(
      '/flaky/v1',
      Array.from({ length: 10 }, () => serverError(503)),
      { maxRetries: undefined },
    );
    await expect(client.embed(['x'])).rejects.toMatchObject({ code: 'embeddings_unavailable' });
    expect(requests()).toBe(4);
    expect(slept).toEqual([500, 1000, 2000]);
  });

  it('gives up after 3 retries with the last answer as the error', async () => {
    const { client, slept, requests } = setup(
      '/flaky/v1',
      Array.from({ length: 10 }, () => serverError(503)),
    );
    const err = (await client.embed(['x']).catch((e: unknown) => e)) as Error & { code: string };
    expect(err).toMatchObject({ code: 'embeddings_unavailable' });
    expect(err.message).toMatch(
      /^Embeddings endpoint http:\/\/127\.0\.0\.1:\d+\/flaky\/v1\/embeddings answered HTTP 503 \(server_error: try later\)$/,
    );
    expect(requests()).toBe(4);
    expect(slept).toEqual([500, 1000, 2000]);
  });

  it('fails at once when Retry-After asks for more than 30 s', async () => {
    const { client, slept, requests } = setup('/flaky/v1', [rateLimited('3600')]);
    await expect(client.embed(['x'])).rejects.toMatchObject({
      code: 'embeddings_rate_limited',
      message: expect.stringMatching(/retry after 3600 s\)$/),
    });
    expect(requests()).toBe(1);
    expect(slept).toEqual([]);
  });

  it('does not retry malformed JSON or a 400', async () => {
    const malformed = setup('/malformed/v1');
    await expect(malformed.client.embed(['x'])).rejects.toMatchObject({ code: 'embeddings_invalid_response' });
    expect(malformed.requests()).toBe(1);
    const bad = setup('/flaky/v1', [json(400, { error: { message: 'bad input', type: 'invalid_request_error' } })]);
    await expect(bad.client.embed(['x'])).rejects.toMatchObject({
      code: 'embeddings_unavailable',
      message: expect.stringMatching(/HTTP 400/),
    });
    expect(bad.requests()).toBe(1);
    expect([...malformed.slept, ...bad.slept]).toEqual([]);
  });

  it('retries a timeout', async () => {
    const { client, slept, requests } = setup('/slow/v1', [], { maxRetries: 1 });
    await expect(client.embed(['x'])).rejects.toMatchObject({
      code: 'embeddings_unavailable',
      message: expect.stringMatching(/no complete response within 300 ms$/),
    });
    expect(requests()).toBe(2);
    expect(slept).toEqual([500]);
  });
});
