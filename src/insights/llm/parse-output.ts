import { LlmOutputError } from './errors.js';
import { modelInsightSchema, modelOutputSchema, type ModelInsight } from './output-schema.js';
import type { ProviderReply } from './providers/types.js';

export interface ParsedOutput {
  items: ModelInsight[];
  /** Items that failed the schema and were left out. */
  invalid: number;
}

/**
 * The model's answer, validated: JSON text (tolerating a code fence or prose around the object)
 * or an already parsed object. Throws LlmOutputError when nothing usable is there, so a
 * half-parsed answer is never used.
 */
export function parseOutput(reply: ProviderReply): ParsedOutput {
  if (reply.problem) throw new LlmOutputError(reply.problem.code, reply.problem.message);
  const value = typeof reply.content === 'string' ? parseJsonText(reply.content) : reply.content;
  // json_object mode gives no schema guarantee; a bare array of insights is still clearly meant.
  const shaped = modelOutputSchema.safeParse(Array.isArray(value) ? { insights: value } : value);
  if (!shaped.success) {
    throw new LlmOutputError(
      'malformed_output',
      `model output does not match the schema (${shaped.error.issues[0]?.message ?? 'invalid'})`,
    );
  }
  const items: ModelInsight[] = [];
  for (const raw of shaped.data.insights) {
    const item = modelInsightSchema.safeParse(raw);
    if (item.success) items.push(item.data);
  }
  const invalid = shaped.data.insights.length - items.length;
  if (invalid > 0 && items.length === 0) {
    throw new LlmOutputError(
      'malformed_output',
      `none of the ${invalid} insights in the model output match the schema`,
    );
  }
  return { items, invalid };
}

function parseJsonText(text: string): unknown {
  const unfenced = text
    .trim()
    .replace(/^```[a-z]*\s*\n?([\s\S]*?)\n?```$/i, '$1')
    .trim();
  for (const candidate of [unfenced, between(unfenced, '{', '}'), between(unfenced, '[', ']')]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next reading
    }
  }
  throw new LlmOutputError('malformed_output', 'model output is not JSON');
}

function between(text: string, open: string, close: string): string | undefined {
  const from = text.indexOf(open);
  const to = text.lastIndexOf(close);
  return from >= 0 && to > from ? text.slice(from, to + 1) : undefined;
}
