import { z } from 'zod';
import type { Logger } from '../../../logger.js';
import { LlmHttpError } from '../errors.js';
import type { LlmSettings } from '../settings.js';
import { postJson } from './post-json.js';
import type { LlmProvider, ProviderReply, ProviderRequest } from './types.js';

type JsonMode = 'json_schema' | 'json_object';

const responseSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().nonnegative(), completion_tokens: z.number().nonnegative() })
    .partial()
    .nullish(),
});

/**
 * Chat Completions (`POST {base}/chat/completions`) as OpenAI documents it, which DeepSeek, Qwen,
 * Kimi, Ollama, vLLM and llama.cpp also serve. Asks for `json_schema` output; a server that
 * rejects it gets the call again as `json_object`, and keeps getting that from then on.
 */
export function openAiChatProvider(settings: LlmSettings, log?: Logger): LlmProvider {
  let mode: JsonMode = 'json_schema';
  const send = async (request: ProviderRequest, as: JsonMode): Promise<ProviderReply> => {
    const headers: Record<string, string> = settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {};
    const reply = await postJson(
      `${settings.baseUrl}/chat/completions`,
      headers,
      body(settings.model, request, as),
      settings,
    );
    return readReply(reply.json, reply.bytes);
  };
  return {
    name: 'openai',
    async complete(request) {
      if (mode === 'json_object') return send(request, mode);
      try {
        return await send(request, 'json_schema');
      } catch (err) {
        if (!rejectsJsonSchema(err)) throw err;
        mode = 'json_object';
        log?.info('LLM server does not take json_schema output; using json_object', {
          base_url: settings.baseUrl,
          model: settings.model,
        });
        return send(request, mode);
      }
    },
  };
}

function body(model: string, request: ProviderRequest, mode: JsonMode): Record<string, unknown> {
  return {
    model,
    messages: [
      { role: 'system', content: request.system },
      { role: 'user', content: request.user },
    ],
    response_format:
      mode === 'json_schema'
        ? { type: 'json_schema', json_schema: { name: request.schemaName, strict: true, schema: request.schema } }
        : { type: 'json_object' },
  };
}

/** A 400/422 about the response format, as OpenAI, DeepSeek, vLLM, Ollama or llama.cpp word it. */
function rejectsJsonSchema(err: unknown): boolean {
  if (!(err instanceof LlmHttpError) || (err.status !== 400 && err.status !== 422)) return false;
  return err.param === 'response_format' || /response_format|json_schema|structured output|schema/i.test(err.message);
}

function readReply(json: unknown, bytes: number): ProviderReply {
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) {
    const what = json === undefined ? 'a body that is not JSON' : 'JSON without choices[0].message';
    return {
      content: undefined,
      replyBytes: bytes,
      problem: { code: 'malformed_output', message: `chat completion answered with ${what}` },
    };
  }
  const choice = parsed.data.choices[0];
  const usage = parsed.data.usage;
  const reply: ProviderReply = {
    content: choice?.message.content ?? undefined,
    replyBytes: bytes,
    ...(usage?.prompt_tokens !== undefined && { inputTokens: usage.prompt_tokens }),
    ...(usage?.completion_tokens !== undefined && { outputTokens: usage.completion_tokens }),
  };
  if (choice?.message.refusal)
    return { ...reply, problem: { code: 'refused_output', message: 'the model refused the request' } };
  if (choice?.finish_reason === 'length') {
    return {
      ...reply,
      problem: { code: 'truncated_output', message: 'the answer was cut off (finish_reason: length)' },
    };
  }
  if (typeof reply.content !== 'string' || reply.content.trim() === '') {
    return { ...reply, problem: { code: 'malformed_output', message: 'the answer has no message content' } };
  }
  return reply;
}
