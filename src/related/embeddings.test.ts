import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
        const data = parsed.input.map((text, index) => ({ object: 'embedding', index, embedding: vectorOf(text) })).reverse();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: parsed.model, usage: { prompt_tokens: 3, total_tokens: 3 } }));
      },
      '/broken/embeddings': (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[{"index":0,"embedding":"nope"}]}'),
    }));
  });
  afterAll(() => http?.close());

  it('sends the model, the texts and the key, in batches, and places vectors by index', async () => {
    const client = embeddingsClient({ baseUrl: `${http.origin}/v1/`, model: 'nomic-embed-text', apiKey: 'k-123', batchSize: 2, fetch: { allowPrivateNetworks: true } });
    const vectors = await client.embed(['Kubernetes network policies', 'Back squat depth', 'Coaching people']);
    expect(vectors).toEqual([vectorOf('Kubernetes network policies'), vectorOf('Back squat depth'), vectorOf('Coaching people')]);
    expect(seen.map((s) => s.body.input.length)).toEqual([2, 1]);
    expect(seen[0]).toMatchObject({ auth: 'Bearer k-123', body: { model: 'nomic-embed-text' } });
  });

  it('rejects answers without usable vectors', async () => {
    const client = embeddingsClient({ baseUrl: `${http.origin}/broken`, model: 'm', fetch: { allowPrivateNetworks: true } });
    await expect(client.embed(['x'])).rejects.toMatchObject({ code: 'embeddings_invalid_response' });
  });

  it('embeddings decide near-duplicates and similarity when both items have them', async () => {
    const client = embeddingsClient({ baseUrl: `${http.origin}/v1`, model: 'm', fetch: { allowPrivateNetworks: true } });
    const texts = ['Kubernetes network policies restrict pod traffic', 'Pod traffic rules in Kubernetes network setups', 'Back squat depth and bracing'];
    const vectors = await client.embed(texts);
    const pool = new InsightPool(texts.map((t, i) => ({ id: i + 1, episodeId: i + 1, feedId: i + 1, terms: indexTerms(t), embedding: vectors[i]!, embeddingModel: 'm' })));
    expect(pool.semantic(0, 1)).toBeGreaterThan(0.99);
    expect(pool.similarity(0, 2)).toBeLessThan(0.1);
    expect(pool.duplicateGroups()[1]).toBe(pool.duplicateGroups()[0]);
    expect(pool.duplicateGroups()[2]).toBe(2);
  });
});
