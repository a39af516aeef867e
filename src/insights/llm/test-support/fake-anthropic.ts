import { startFakeServer, type FakeReply, type FakeServer, type RecordedRequest } from './fake-server.js';
import { outputOf, stepAt, tokensOf, type Step } from './script.js';

/** Documented error types by status (docs.anthropic.com/en/api/errors). */
const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/**
 * Anthropic's Messages API as documented: `POST /v1/messages` with `x-api-key` and
 * `anthropic-version`, tools with `input_schema`, `tool_choice: {type: 'tool'}`, tool_use blocks,
 * and `{type: 'error', error: {type, message}}` error bodies (529 when overloaded).
 */
export function startFakeAnthropic(script: Step[], opts: { apiKey?: string } = {}): Promise<FakeServer> {
  let answered = 0;
  return startFakeServer((req) => {
    const refused = validate(req, opts.apiKey ?? 'sk-ant-test');
    if (refused) return refused;
    return reply(req, stepAt(script, answered++));
  });
}

function error(status: number, message: string, headers?: Record<string, string>): FakeReply {
  const type = ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  return {
    status,
    headers: { 'request-id': 'req_fake', ...headers },
    body: JSON.stringify({ type: 'error', error: { type, message }, request_id: 'req_fake' }),
  };
}

function validate(req: RecordedRequest, apiKey: string): FakeReply | undefined {
  if (req.method !== 'POST' || req.path !== '/v1/messages') return error(404, `Not found: ${req.method} ${req.path}`);
  if (req.headers['x-api-key'] !== apiKey) return error(401, 'invalid x-api-key');
  if (req.headers['anthropic-version'] !== '2023-06-01') return error(400, 'anthropic-version: header is required');
  const b = req.body;
  if (b === undefined) return error(400, 'Request body is not valid JSON');
  if (typeof b.model !== 'string' || b.model === '') return error(400, 'model: Field required');
  if (!Number.isInteger(b.max_tokens) || b.max_tokens < 1) return error(400, 'max_tokens: Field required');
  if (!Array.isArray(b.messages) || b.messages.length === 0 || b.messages[0]?.role !== 'user') {
    return error(400, 'messages: first message must use the "user" role');
  }
  if (b.system !== undefined && typeof b.system !== 'string' && !Array.isArray(b.system))
    return error(400, 'system: Input should be a valid string');
  const tools: any[] = b.tools ?? [];
  for (const tool of tools) {
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(tool?.name ?? '')) return error(400, 'tools.0.name: String should match pattern');
    if (tool?.input_schema?.type !== 'object')
      return error(400, 'tools.0.input_schema: Input schema must have type "object"');
  }
  if (b.tool_choice !== undefined) {
    if (b.tool_choice.type === 'tool' && !tools.some((t) => t.name === b.tool_choice.name)) {
      return error(400, `tool_choice: Tool '${b.tool_choice.name}' not found in provided tools`);
    }
  }
  return undefined;
}

function reply(req: RecordedRequest, step: Step): FakeReply {
  if ('hang' in step) return 'hang';
  if ('rawBody' in step) return { status: 200, headers: { 'content-type': 'text/html' }, body: step.rawBody };
  if ('status' in step) return error(step.status, step.message ?? defaultMessage(step.status), step.headers);
  const toolName: string = req.body.tool_choice?.name ?? req.body.tools?.[0]?.name ?? 'tool';
  // A forced tool call comes back as a tool_use block; Claude does not always honour the schema.
  const output = outputOf(step, req.body.messages[0]?.content ?? '');
  const input =
    output !== undefined ? output : 'malformed' in step ? { insights: 'I could not find any insights.' } : {};
  const prompt = `${req.body.system ?? ''}\n${JSON.stringify(req.body.messages)}\n${JSON.stringify(req.body.tools ?? [])}`;
  const answer = JSON.stringify(input);
  return {
    status: 200,
    headers: { 'request-id': 'req_fake' },
    body: JSON.stringify({
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model: req.body.model,
      content: [{ type: 'tool_use', id: 'toolu_fake', name: toolName, input }],
      stop_reason: 'truncated' in step ? 'max_tokens' : 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: tokensOf(prompt), output_tokens: tokensOf(answer) },
    }),
  };
}

function defaultMessage(status: number): string {
  if (status === 529) return 'Overloaded';
  if (status === 429) return 'Number of request tokens has exceeded your per-minute rate limit';
  if (status >= 500) return 'Internal server error';
  return 'Invalid request';
}
