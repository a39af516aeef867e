import { startFakeServer, type FakeReply, type FakeServer, type RecordedRequest } from './fake-server.js';
import { outputOf, stepAt, tokensOf, type Step } from './script.js';

export interface FakeOpenAiOptions {
  apiKey?: string;
  /** Answer json_schema requests with the 400 this server family sends. */
  rejectJsonSchema?: 'openai' | 'deepseek';
}

/**
 * An OpenAI-compatible Chat Completions server as documented (platform.openai.com/docs/api-reference/chat):
 * `POST /v1/chat/completions` with Bearer auth, `{error: {message, type, param, code}}` error bodies,
 * and the documented json_schema / json_object rules.
 */
export function startFakeOpenAi(script: Step[], opts: FakeOpenAiOptions = {}): Promise<FakeServer> {
  let answered = 0;
  return startFakeServer((req) => {
    const refused = validate(req, opts);
    if (refused) return refused;
    return reply(req, stepAt(script, answered++));
  });
}

function error(
  status: number,
  message: string,
  type: string,
  extra: { param?: string | null; code?: string | null; headers?: Record<string, string> } = {},
): FakeReply {
  return {
    status,
    ...(extra.headers && { headers: extra.headers }),
    body: JSON.stringify({ error: { message, type, param: extra.param ?? null, code: extra.code ?? null } }),
  };
}

function validate(req: RecordedRequest, opts: FakeOpenAiOptions): FakeReply | undefined {
  if (req.method !== 'POST' || req.path !== '/v1/chat/completions')
    return error(404, `Invalid URL (${req.method} ${req.path})`, 'invalid_request_error');
  const key = opts.apiKey ?? 'sk-test';
  if (req.headers['authorization'] !== `Bearer ${key}`) {
    return error(
      401,
      'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
      'invalid_request_error',
      { code: 'invalid_api_key' },
    );
  }
  if (!req.headers['content-type']?.startsWith('application/json') || req.body === undefined) {
    return error(400, 'We could not parse the JSON body of your request.', 'invalid_request_error');
  }
  const { model, messages, response_format: format } = req.body;
  if (typeof model !== 'string' || model === '')
    return error(400, 'you must provide a model parameter', 'invalid_request_error', { param: 'model' });
  const roles = new Set(['system', 'developer', 'user', 'assistant']);
  if (
    !Array.isArray(messages) ||
    messages.length === 0 ||
    !messages.every((m: any) => roles.has(m?.role) && typeof m?.content === 'string')
  ) {
    return error(
      400,
      "Invalid 'messages': expected an array of messages with a role and string content.",
      'invalid_request_error',
      { param: 'messages' },
    );
  }
  if (format === undefined) return undefined;
  if (format.type === 'json_schema') {
    if (opts.rejectJsonSchema === 'openai') {
      return error(
        400,
        "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
        'invalid_request_error',
        { param: 'response_format' },
      );
    }
    if (opts.rejectJsonSchema === 'deepseek')
      return error(400, 'This response_format type is unavailable now', 'invalid_request_error', {
        code: 'invalid_request_error',
      });
    const spec = format.json_schema;
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(spec?.name ?? '') || typeof spec?.schema !== 'object') {
      return error(400, "Missing required parameter: 'response_format.json_schema.name'.", 'invalid_request_error', {
        param: 'response_format.json_schema',
      });
    }
    if (spec.strict === true && !isStrictSchema(spec.schema)) {
      return error(
        400,
        "Invalid schema for response_format 'insights': In context=(), 'additionalProperties' is required to be supplied and to be false.",
        'invalid_request_error',
        { param: 'response_format' },
      );
    }
    return undefined;
  }
  if (format.type === 'json_object') {
    if (!messages.some((m: any) => /json/i.test(m.content))) {
      return error(
        400,
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        'invalid_request_error',
        { param: 'messages' },
      );
    }
    return undefined;
  }
  if (format.type === 'text') return undefined;
  return error(
    400,
    `Invalid value: '${format.type}'. Supported values are: 'json_object', 'json_schema', and 'text'.`,
    'invalid_request_error',
    { param: 'response_format.type' },
  );
}

/** Structured Outputs' strict mode: every object closed and every property required. */
function isStrictSchema(schema: any): boolean {
  if (schema?.type === 'object') {
    const props = Object.keys(schema.properties ?? {});
    if (schema.additionalProperties !== false) return false;
    if (!Array.isArray(schema.required) || props.some((p) => !schema.required.includes(p))) return false;
    return props.every((p) => isStrictSchema(schema.properties[p]));
  }
  if (schema?.type === 'array') return isStrictSchema(schema.items);
  return true;
}

function reply(req: RecordedRequest, step: Step): FakeReply {
  if ('hang' in step) return 'hang';
  if ('rawBody' in step) return { status: 200, headers: { 'content-type': 'text/html' }, body: step.rawBody };
  if ('status' in step) return failure(step);
  const user = req.body.messages.find((m: any) => m.role === 'user')?.content ?? '';
  const output = outputOf(step, user);
  const content =
    output !== undefined
      ? JSON.stringify(output)
      : 'malformed' in step
        ? 'Sure! Here are the insights: {"insights": [{"headline": "Cut'
        : '{"insights": [{"headline": "Cut off';
  const prompt = req.body.messages.map((m: any) => m.content).join('\n');
  return {
    status: 200,
    headers: { 'x-request-id': 'req_fake' },
    body: JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: req.body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          logprobs: null,
          finish_reason: 'truncated' in step ? 'length' : 'stop',
        },
      ],
      usage: {
        prompt_tokens: tokensOf(prompt),
        completion_tokens: tokensOf(content),
        total_tokens: tokensOf(prompt) + tokensOf(content),
      },
    }),
  };
}

function failure(step: { status: number; headers?: Record<string, string>; message?: string }): FakeReply {
  const extra = step.headers ? { headers: step.headers } : {};
  if (step.status === 429) {
    const message =
      step.message ??
      'Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 1s.';
    return error(429, message, 'requests', { code: 'rate_limit_exceeded', ...extra });
  }
  if (step.status >= 500)
    return error(
      step.status,
      step.message ?? 'The server had an error while processing your request. Sorry about that!',
      'server_error',
      extra,
    );
  return error(step.status, step.message ?? 'Bad request', 'invalid_request_error', extra);
}
