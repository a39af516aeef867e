import type { Logger } from '../../logger.js';
import { costUsd } from './cost.js';
import { estimateTokens } from './chunk.js';
import { LlmOutputError } from './errors.js';
import { parseOutput, type ParsedOutput } from './parse-output.js';
import { PROMPT_VERSION } from './prompt.js';
import type { LlmProvider, ProviderReply, ProviderRequest } from './providers/types.js';
import { withRetries } from './retry.js';
import type { LlmSettings } from './settings.js';
import type { LlmStore, Runtime } from './types.js';

export interface CallContext {
  provider: LlmProvider;
  settings: LlmSettings;
  store: LlmStore;
  log: Logger;
  runtime: Runtime;
  episodeId: number | null;
  transcriptHash: string;
}

const MAX_OUTPUT_TOKENS = 16_000;

/**
 * One chunk's insights from the model: transient failures retried (withRetries), every answered
 * call recorded with its tokens and cost, an unusable answer asked for once more (with twice
 * the output budget when it was cut off) before LlmOutputError is thrown.
 */
export async function callForInsights(
  ctx: CallContext,
  request: ProviderRequest,
): Promise<ParsedOutput & { calls: number }> {
  let current = request;
  for (let attempt = 1; ; attempt += 1) {
    let durationMs = 0;
    const reply = await withRetries(
      async () => {
        const started = performance.now();
        try {
          return await ctx.provider.complete(current);
        } finally {
          durationMs = performance.now() - started;
        }
      },
      ctx.settings,
      ctx.runtime,
      ctx.log,
    );
    let parsed: ParsedOutput | undefined;
    let problem: LlmOutputError | undefined;
    try {
      parsed = parseOutput(reply);
    } catch (err) {
      if (!(err instanceof LlmOutputError)) throw err;
      problem = err;
    }
    await record(ctx, current, reply, durationMs, problem?.code ?? 'ok');
    if (parsed) return { ...parsed, calls: attempt };
    if (!problem || attempt >= 2) throw problem;
    ctx.log.warn('LLM answer unusable; asking once more', { code: problem.code, reason: problem.message });
    if (problem.code === 'truncated_output') {
      current = { ...current, maxOutputTokens: Math.min(current.maxOutputTokens * 2, MAX_OUTPUT_TOKENS) };
    }
  }
}

/** Tokens as reported; estimated from sizes when a server reports none, so the budget still counts them. */
async function record(
  ctx: CallContext,
  request: ProviderRequest,
  reply: ProviderReply,
  durationMs: number,
  outcome: string,
): Promise<void> {
  const tokens = {
    inputTokens: reply.inputTokens ?? estimateTokens(request.system.length + request.user.length),
    outputTokens: reply.outputTokens ?? estimateTokens(reply.replyBytes),
  };
  const cost = costUsd(tokens, ctx.settings);
  await ctx.store.recordLlmCall({
    episodeId: ctx.episodeId,
    transcriptHash: ctx.transcriptHash,
    provider: ctx.provider.name,
    model: ctx.settings.model,
    promptVersion: PROMPT_VERSION,
    ...tokens,
    costUsd: cost,
    durationMs,
    outcome,
    at: ctx.runtime.now(),
  });
  ctx.log.debug('LLM call', {
    provider: ctx.provider.name,
    model: ctx.settings.model,
    ...tokens,
    cost_usd: cost,
    duration_ms: Math.round(durationMs),
    outcome,
  });
}
