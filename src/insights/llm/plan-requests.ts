import { randomBytes } from 'node:crypto';
import type { Transcript } from '../../model/transcript.js';
import { CHARS_PER_TOKEN, chunkLines, estimateTokens, type Chunk } from './chunk.js';
import { costUsd } from './cost.js';
import { outputJsonSchema, SCHEMA_NAME } from './output-schema.js';
import { buildPrompt } from './prompt.js';
import type { ProviderRequest } from './providers/types.js';
import type { LlmSettings } from './settings.js';
import { transcriptLines } from './transcript-lines.js';

export interface PlannedRequest {
  chunk: Chunk;
  request: ProviderRequest;
}

/** One request per chunk of the transcript, each asking for up to `top` insights. */
export function planRequests(transcript: Transcript, top: number, settings: LlmSettings): PlannedRequest[] {
  const maxChars = settings.maxChunkTokens * CHARS_PER_TOKEN;
  const chunks = chunkLines(transcriptLines(transcript.segments, Math.floor(maxChars / 2)), settings.maxChunkTokens);
  return chunks.map((chunk, n) => ({
    chunk,
    request: {
      ...buildPrompt({
        lines: chunk.lines.map((l) => l.text),
        top,
        part: n + 1,
        parts: chunks.length,
        nonce: randomBytes(6).toString('hex'),
      }),
      schemaName: SCHEMA_NAME,
      schema: outputJsonSchema as unknown as Record<string, unknown>,
      maxOutputTokens: Math.min(8_192, 400 + 300 * top),
    },
  }));
}

/** Upper-bound cost of the planned calls: the whole prompt in, the output budget out. */
export function estimatedCostUsd(planned: PlannedRequest[], settings: LlmSettings): number {
  return planned.reduce(
    (sum, { request }) =>
      sum +
      costUsd(
        {
          inputTokens: estimateTokens(request.system.length + request.user.length),
          outputTokens: request.maxOutputTokens,
        },
        settings,
      ),
    0,
  );
}
