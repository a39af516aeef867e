import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeEmbedding, startFakeEmbeddings, type FakeEmbeddings } from '../../test/helpers/fake-embeddings.js';
import { denseSimilarityMatrix } from './dense-similarity.js';
import { embeddingsClient } from './embeddings.js';
import { DEFAULT_EMBEDDING_RELATE_THRESHOLD, relateInsights, relateInsightsWithEmbedder } from './relate.js';

/** Two topics, and no content word shared by any two items. */
const ITEMS = [
  { id: 'kitten', text: 'A kitten naps beside the window' },
  { id: 'sedan', text: 'The sedan needs new brake pads' },
  { id: 'feline', text: 'Every feline grooms itself after meals' },
  { id: 'automobile', text: 'An automobile burns less fuel on highways' },
];
const BY_TOPIC = [
  ['kitten', 'feline'],
  ['sedan', 'automobile'],
];

describe('relateInsights with dense vectors', () => {
  it('groups by the vectors where shared words see nothing', () => {
    expect(relateInsights(ITEMS, { vectors: ITEMS.map((i) => fakeEmbedding(i.text)) }).groups).toEqual(BY_TOPIC);
    expect(relateInsights(ITEMS).groups).toEqual(ITEMS.map((i) => [i.id]));
  });

  it('merges at the embedding default threshold unless told otherwise', () => {
    // Cosines: a–b 0.6, a–c 0.4, b–c 0 (b and c are orthogonal unit vectors).
    const items = ['a', 'b', 'c'].map((id) => ({ id, text: id }));
    const vectors = [
      [0.6, 0.4, Math.sqrt(1 - 0.36 - 0.16)],
      [1, 0, 0],
      [0, 1, 0],
    ];
    expect(DEFAULT_EMBEDDING_RELATE_THRESHOLD).toBe(0.5);
    expect(relateInsights(items, { vectors }).groups).toEqual([['a', 'b'], ['c']]);
    expect(relateInsights(items, { vectors, threshold: 0.7 }).groups).toEqual([['a'], ['b'], ['c']]);
    expect(relateInsights(items, { vectors, threshold: 0.1 }).groups).toEqual([['a', 'b', 'c']]);
  });

  it('builds the matrix averageLink expects: cosines, symmetric, zero diagonal', () => {
    const sim = denseSimilarityMatrix([
      [3, 4],
      [4, 3],
      [0, 0],
    ]);
    expect(Array.from(sim)).toEqual([0, 24 / 25, 0, 24 / 25, 0, 0, 0, 0, 0]);
  });

  it('takes typed arrays as vectors, as embedding libraries often return them', () => {
    const vectors = ITEMS.map((i) => fakeEmbedding(i.text));
    expect(relateInsights(ITEMS, { vectors: vectors.map((v) => Float32Array.from(v)) }).groups).toEqual(BY_TOPIC);
    expect(relateInsights(ITEMS, { vectors: vectors.map((v) => Float64Array.from(v)) }).groups).toEqual(BY_TOPIC);
  });

  it('keeps the direction of vectors too large or small to square', () => {
    const sim = denseSimilarityMatrix([
      [3e200, 4e200],
      [4e200, 3e200],
      [3e-200, 4e-200],
    ]);
    expect(sim[1]).toBeCloseTo(24 / 25, 12);
    expect(sim[2]).toBeCloseTo(1, 12);
    expect(sim[5]).toBeCloseTo(24 / 25, 12);
    expect(
      Array.from(
        denseSimilarityMatrix([
          [Number.MAX_VALUE, Number.MAX_VALUE],
          [1, 1],
        ]),
      ),
    ).toEqual([0, expect.closeTo(1, 12), expect.closeTo(1, 12), 0]);
  });

  it('rejects a threshold that is not a finite number, with one clear line', async () => {
    const vectors = ITEMS.map((i) => fakeEmbedding(i.text));
    for (const threshold of [Number.NaN, Infinity, -Infinity, '0.5' as unknown as number]) {
      for (const opts of [{ threshold }, { threshold, vectors }]) {
        expect(() => relateInsights(ITEMS, opts), String(threshold)).toThrow(
          expect.objectContaining({
            code: 'relate_invalid_threshold',
            message: `threshold must be a finite number, got ${typeof threshold === 'string' ? '"0.5"' : String(threshold)}`,
          }),
        );
      }
    }
    const embedder = { model: 'm', embed: async () => Promise.reject(new Error('must not be asked')) };
    await expect(relateInsightsWithEmbedder(ITEMS, embedder, { threshold: Number.NaN })).rejects.toMatchObject({
      code: 'relate_invalid_threshold',
    });
  });

  it('rejects vectors that do not fit the items', () => {
    const items = ITEMS.slice(0, 2);
    const cases: Array<[number[][], RegExp]> = [
      [[[1, 0]], /one vector per item \(2\), got 1/],
      [
        [
          [1, 0],
          [1, 0, 0],
        ],
        /vector 1 has 3 dimensions; expected 2/,
      ],
      [[[], []], /vector 0 has 0 dimensions/],
      [
        [
          [1, Number.NaN],
          [1, 0],
        ],
        /vector 0 .* not a finite number/,
      ],
      [
        [
          [1, 0],
          [Number.POSITIVE_INFINITY, 0],
        ],
        /vector 1 .* not a finite number/,
      ],
    ];
    for (const [vectors, message] of cases) {
      expect(() => relateInsights(items, { vectors }), String(message)).toThrow(
        expect.objectContaining({ code: 'relate_invalid_vectors', message: expect.stringMatching(message) }),
      );
    }
    expect(() => relateInsights([items[0]!, items[0]!], { vectors: [[1], [1]] })).toThrow(/duplicate/);
  });
});

describe('relateInsightsWithEmbedder against an OpenAI-compatible endpoint', () => {
  let fake: FakeEmbeddings;
  beforeAll(async () => {
    fake = await startFakeEmbeddings();
  });
  afterAll(() => fake?.close());
  // Retries are covered in embeddings.test.ts; here the first failure is the answer.
  const client = (path: string) =>
    embeddingsClient({
      baseUrl: `${fake.origin}${path}`,
      model: 'fake-embed',
      fetch: { allowPrivateNetworks: true, timeoutMs: 1000, connectTimeoutMs: 1000 },
      retry: { maxRetries: 0 },
    });

  it('embeds every text in one request and groups by meaning', async () => {
    fake.requests.length = 0;
    expect((await relateInsightsWithEmbedder(ITEMS, client('/v1'))).groups).toEqual(BY_TOPIC);
    expect(fake.requests).toEqual([{ model: 'fake-embed', input: ITEMS.map((i) => i.text) }]);
  });

  it('asks nothing for no items or duplicate ids', async () => {
    fake.requests.length = 0;
    expect(await relateInsightsWithEmbedder([], client('/v1'))).toEqual({ groups: [] });
    await expect(relateInsightsWithEmbedder([ITEMS[0]!, ITEMS[0]!], client('/v1'))).rejects.toThrow(/duplicate/);
    expect(fake.requests).toEqual([]);
  });

  it('fails with one clear line on 429, 500, malformed JSON and timeouts', async () => {
    const cases: Array<[string, string, RegExp]> = [
      [
        '/rate-limited/v1',
        'embeddings_rate_limited',
        /answered HTTP 429 \(rate_limit_error: Rate limit reached for requests; retry after 7 s\)$/,
      ],
      ['/broken/v1', 'embeddings_unavailable', /answered HTTP 500 \(server_error: The server had an error/],
      ['/malformed/v1', 'embeddings_invalid_response', /did not answer with JSON/],
      ['/slow/v1', 'embeddings_unavailable', /no complete response within 1000 ms/],
    ];
    for (const [path, code, message] of cases) {
      const err = (await relateInsightsWithEmbedder(ITEMS, client(path)).catch((e: unknown) => e)) as Error & {
        code: string;
      };
      expect(err.code, path).toBe(code);
      expect(err.message, path).toMatch(message);
      expect(err.message, path).toMatch(/^Embeddings endpoint http:\/\/127\.0\.0\.1:\d+\//);
      expect(err.message, path).not.toContain('\n');
    }
  });
});
