import { afterEach, describe, expect, it } from 'vitest';
import { type LocalServer, startLocalServer } from '../../test/net/local-server.js';
import { type JsonRequest, requestJsonWithRetry } from './request-json.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers each request with the next of `answers` (status, body, headers). */
async function serve(...answers: [number, string, Record<string, string>?][]): Promise<LocalServer> {
  let n = 0;
  server = await startLocalServer((_req, res) => {
    const [status, body, headers] = answers[Math.min(n++, answers.length - 1)] ?? [500, ''];
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  });
  return server;
}

function request(slept: number[], overrides: Partial<JsonRequest> = {}): JsonRequest {
  return {
    fetch: { allowPrivateNetworks: true, timeoutMs: 2_000 },
    retry: { maxRetries: 2, baseMs: 500, maxWaitMs: 10_000, sleep: async (ms) => void slept.push(ms), random: () => 0 },
    errors: {
      http: ({ status, said, retryAfterMs }) =>
        Object.assign(new Error(`http ${status} ${said.message ?? '-'}`), { retryAfterMs }),
      failed: (reason) => new Error(`failed: ${reason}`),
      notJson: (status) => new Error(`not json ${status}`),
    },
    ...overrides,
  };
}

describe('requestJsonWithRetry', () => {
  it('retries a 503 and a 429 (after its Retry-After) and returns the JSON, with fresh headers per attempt', async () => {
    const s = await serve([503, '{}'], [429, '{}', { 'retry-after': '2' }], [200, '{"ok":true}']);
    const slept: number[] = [];
    let signed = 0;
    const json = await requestJsonWithRetry(`${s.url}/x`, {
      ...request(slept),
      headers: () => ({ 'x-attempt': String(++signed) }),
    });
    expect(json).toEqual({ ok: true });
    expect(slept).toEqual([500, 2_000]);
    expect(s.requests.map((r) => r.headers['x-attempt'])).toEqual(['1', '2', '3']);
    expect(s.requests[0]?.headers['accept']).toBe('application/json');
  });

  it("gives the caller's error for a 400 at once, with the provider's own message", async () => {
    const s = await serve([400, '{"error":{"message":"bad  input","type":"invalid"}}']);
    const slept: number[] = [];
    await expect(requestJsonWithRetry(s.url, request(slept))).rejects.toThrow('http 400 bad input');
    expect(s.requests).toHaveLength(1);
  });

  it("gives the caller's error once retries are over, and at once for a Retry-After beyond maxWaitMs", async () => {
    const exhausted = await serve([502, 'gateway']);
    await expect(requestJsonWithRetry(exhausted.url, request([]))).rejects.toThrow('http 502 -');
    expect(exhausted.requests).toHaveLength(3);
    await exhausted.close();
    const tooLong = await serve([429, '{}', { 'retry-after': '60' }]);
    await expect(requestJsonWithRetry(tooLong.url, request([]))).rejects.toMatchObject({ retryAfterMs: 60_000 });
    expect(tooLong.requests).toHaveLength(1);
  });

  it('does not retry a 2xx answer that is not JSON', async () => {
    const s = await serve([200, '<html>']);
    await expect(requestJsonWithRetry(s.url, request([]))).rejects.toThrow('not json 200');
    expect(s.requests).toHaveLength(1);
  });

  it('retries a timeout and then reports why the request failed', async () => {
    server = await startLocalServer(() => {});
    const slept: number[] = [];
    const req = request(slept, { retry: { maxRetries: 1, baseMs: 1, maxWaitMs: 10, sleep: async () => {} } });
    await expect(requestJsonWithRetry(server.url, { ...req, fetch: { ...req.fetch, timeoutMs: 150 } })).rejects.toThrow(
      /^failed: /,
    );
    expect(server.requests).toHaveLength(2);
  });
});
