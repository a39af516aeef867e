import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLocalHttp, type LocalHttp } from './local-http.js';

/**
 * Meaning that shared words cannot show: every word here stands for a topic axis, so "kitten"
 * and "feline" embed alike although a lexical similarity sees nothing in common.
 */
const TOPIC_OF: Record<string, number> = { kitten: 0, feline: 0, cat: 0, sedan: 1, automobile: 1, car: 1 };
const DIMENSIONS = 3;

/** The fake model's vector: one unit per topic word on its axis, plus a little on a shared "other" axis. */
export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  v[DIMENSIONS - 1] = 0.1;
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const axis = TOPIC_OF[word] ?? TOPIC_OF[word.replace(/s$/, '')];
    if (axis !== undefined) v[axis] = (v[axis] as number) + 1;
  }
  return v;
}

export interface FakeEmbeddings extends LocalHttp {
  /** Bodies of the requests answered with vectors. */
  requests: Array<{ model: string; input: string[] }>;
  /** Replies `/flaky/v1/embeddings` sends, one per request, before it answers like `/v1`; replaces any still queued. */
  failNext(...replies: Reply[]): void;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

export interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  body: JSON.stringify(body),
  headers,
});

function answer(reply: Reply) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    await readBody(req);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
  };
}

/**
 * An OpenAI-compatible embeddings server on 127.0.0.1, in the documented shapes:
 * - `{origin}/v1/embeddings`: `{"model","input":[...]}` → `{"object":"list","data":[{"object":"embedding","index","embedding"}],"model","usage"}`
 * - `{origin}/rate-limited/v1/embeddings`: 429, `Retry-After: 7`, an OpenAI error body
 * - `{origin}/broken/v1/embeddings`: 500 with an error body
 * - `{origin}/malformed/v1/embeddings`: 200 with a truncated JSON body
 * - `{origin}/slow/v1/embeddings`: never answers
 * - `{origin}/flaky/v1/embeddings`: the replies given to failNext, then like `/v1`
 */
export async function startFakeEmbeddings(): Promise<FakeEmbeddings> {
  const requests: FakeEmbeddings['requests'] = [];
  let queued: Reply[] = [];
  const embed = async (req: IncomingMessage, res: ServerResponse) => {
    const parsed = JSON.parse(await readBody(req)) as { model: string; input: string[] };
    requests.push(parsed);
    const data = parsed.input.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text) }));
    const tokens = parsed.input.join(' ').split(/\s+/).length;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        object: 'list',
        data,
        model: parsed.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      }),
    );
  };
  const http = await startLocalHttp(() => ({
    '/v1/embeddings': embed,
    '/flaky/v1/embeddings': (req, res) => {
      const reply = queued.shift();
      return reply ? answer(reply)(req, res) : embed(req, res);
    },
    '/rate-limited/v1/embeddings': answer(
      json(
        429,
        {
          error: {
            message: 'Rate limit reached for requests',
            type: 'rate_limit_error',
            param: null,
            code: 'rate_limit_exceeded',
          },
        },
        { 'retry-after': '7' },
      ),
    ),
    '/broken/v1/embeddings': answer(
      json(500, {
        error: {
          message: 'The server had an error while processing your request.',
          type: 'server_error',
          param: null,
          code: null,
        },
      }),
    ),
    '/malformed/v1/embeddings': answer({
      status: 200,
      body: '{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,',
    }),
    '/slow/v1/embeddings': async (req) => {
      await readBody(req); // and never answer: close() drops the connection
    },
  }));
  return { ...http, requests, failNext: (...replies) => void (queued = replies) };
}
