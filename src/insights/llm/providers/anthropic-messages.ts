import { z } from 'zod';
import type { LlmSettings } from '../settings.js';
import { postJson } from './post-json.js';
import type { LlmProvider, ProviderReply } from './types.js';

const ANTHROPIC_VERSION = '2023-06-01';

const responseSchema = z.object({
  type: z.literal('message'),
  content: z.array(z.object({ type: z.string(), name: z.string().optional(), input: z.unknown().optional() })),
  stop_reason: z.string().nullish(),
  usage: z
    .object({ input_tokens: z.number().nonnegative(), output_tokens: z.number().nonnegative() })
    .partial()
    .nullish(),
});

/**
 * Anthropic Messages (`POST {base}/v1/messages`). Structured output is one forced tool whose
 * input schema is the output schema; the tool is never run, its `input` is the answer.
 */
export function anthropicMessagesProvider(settings: LlmSettings): LlmProvider {
  return {
    name: 'anthropic',
    async complete(request) {
      const headers: Record<string, string> = { 'anthropic-version': ANTHROPIC_VERSION };
      if (settings.apiKey) headers['x-api-key'] = settings.apiKey;
      const reply = await postJson(
        `${settings.baseUrl}/v1/messages`,
        headers,
        {
          model: settings.model,
          max_tokens: request.maxOutputTokens,
          system: request.system,
          messages: [{ role: 'user', content: request.user }],
          tools: [
            {
              name: request.schemaName,
              description: 'Record the insights picked from the transcript.',
              input_schema: request.schema,
            },
          ],
          tool_choice: { type: 'tool', name: request.schemaName },
        },
        settings,
      );
      return readReply(reply.json, reply.bytes, request.schemaName);
    },
  };
}

function readReply(json: unknown, bytes: number, toolName: string): ProviderReply {
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) {
    const what = json === undefined ? 'a body that is not JSON' : 'JSON that is not a message';
    return {
      content: undefined,
      replyBytes: bytes,
      problem: { code: 'malformed_output', message: `messages API answered with ${what}` },
    };
  }
  const { content, stop_reason: stopReason, usage } = parsed.data;
  const tool = content.find((block) => block.type === 'tool_use' && block.name === toolName);
  const reply: ProviderReply = {
    content: tool?.input,
    replyBytes: bytes,
    ...(usage?.input_tokens !== undefined && { inputTokens: usage.input_tokens }),
    ...(usage?.output_tokens !== undefined && { outputTokens: usage.output_tokens }),
  };
  if (stopReason === 'max_tokens') {
    return {
      ...reply,
      problem: { code: 'truncated_output', message: 'the answer was cut off (stop_reason: max_tokens)' },
    };
  }
  if (stopReason === 'refusal')
    return { ...reply, problem: { code: 'refused_output', message: 'the model refused the request' } };
  if (!tool)
    return { ...reply, problem: { code: 'malformed_output', message: `the answer has no ${toolName} tool_use block` } };
  return reply;
}
