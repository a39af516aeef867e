import type { Generated, Kysely, Selectable } from 'kysely';
import type { Insight } from '../../model/insight.js';
import type { Database } from '../schema.js';
import { costSince } from './cost-since.js';
import type { LlmCallRecord, Store } from '../types.js';
import { fromJson, isoUtc, toJson } from '../values.js';

// Table types live here (added to the query builder with withTables) so schema.ts stays untouched;
// type aliases, not interfaces, because withTables needs an index-signature-compatible record.
export type LlmCallsTable = {
  id: Generated<number>;
  episode_id: number | null;
  transcript_hash: string;
  provider: string;
  model: string;
  prompt_version: string;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  duration_ms: number;
  outcome: string;
  created_at: string;
};

type LlmCacheTable = {
  transcript_hash: string;
  engine: string;
  model: string;
  prompt_version: string;
  insights: string;
  created_at: string;
};

type LlmTables = {
  llm_calls: LlmCallsTable;
  llm_cache: LlmCacheTable;
};

type LlmUsageQueries = Pick<
  Store,
  'recordLlmCall' | 'llmSpendSince' | 'llmCallsByEpisode' | 'cachedLlmInsights' | 'cacheLlmInsights'
>;

export function llmUsageQueries(base: Kysely<Database>): LlmUsageQueries {
  const db = base.withTables<LlmTables>();
  return {
    async recordLlmCall(call) {
      await db
        .insertInto('llm_calls')
        .values({
          episode_id: call.episodeId,
          transcript_hash: call.transcriptHash,
          provider: call.provider,
          model: call.model,
          prompt_version: call.promptVersion,
          input_tokens: Math.round(call.inputTokens),
          output_tokens: Math.round(call.outputTokens),
          cost_usd: call.costUsd,
          duration_ms: Math.round(call.durationMs),
          outcome: call.outcome,
          created_at: isoUtc(call.at),
        })
        .execute();
    },

    llmSpendSince: (since) => costSince(base, 'llm_calls', since),

    async llmCallsByEpisode(episodeId) {
      const rows = await db
        .selectFrom('llm_calls')
        .selectAll()
        .where('episode_id', '=', episodeId)
        .orderBy('id')
        .execute();
      return rows.map(toLlmCallRecord);
    },

    async cachedLlmInsights(key) {
      const row = await db
        .selectFrom('llm_cache')
        .select('insights')
        .where('transcript_hash', '=', key.transcriptHash)
        .where('engine', '=', key.engine)
        .where('model', '=', key.model)
        .where('prompt_version', '=', key.promptVersion)
        .executeTakeFirst();
      return row && fromJson<Insight[]>(row.insights, 'LLM cache entry');
    },

    async cacheLlmInsights(key, insights) {
      await db
        .insertInto('llm_cache')
        .values({
          transcript_hash: key.transcriptHash,
          engine: key.engine,
          model: key.model,
          prompt_version: key.promptVersion,
          insights: toJson(insights),
          created_at: isoUtc(new Date()),
        })
        .onConflict((oc) => oc.columns(['transcript_hash', 'engine', 'model', 'prompt_version']).doNothing())
        .execute();
    },
  };
}

function toLlmCallRecord(r: Selectable<LlmCallsTable>): LlmCallRecord {
  return {
    id: r.id,
    episodeId: r.episode_id,
    transcriptHash: r.transcript_hash,
    provider: r.provider,
    model: r.model,
    promptVersion: r.prompt_version,
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    costUsd: Number(r.cost_usd),
    durationMs: Number(r.duration_ms),
    outcome: r.outcome,
    createdAt: r.created_at,
  };
}
