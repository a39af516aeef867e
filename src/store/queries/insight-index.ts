import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { InsightIndexEntry, Store } from '../types.js';
import { fromJson, isoUtc, toJson } from '../values.js';
import { inParts } from './in-parts.js';

// Table types live here (withTables) so schema.ts stays untouched.
type InsightIndexTable = {
  insight_id: number;
  terms: string;
  embedding: string | null;
  embedding_model: string | null;
  created_at: string;
};

type IndexQueries = Pick<Store, 'saveInsightIndex' | 'insightIndex'>;

/** Rows per insert: their bound parameters stay far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

export function insightIndexQueries(base: Kysely<Database>): IndexQueries {
  const db = base.withTables<{ insight_index: InsightIndexTable }>();
  return {
    async saveInsightIndex(entries) {
      const now = isoUtc(new Date());
      for (let i = 0; i < entries.length; i += CHUNK) {
        const rows = entries.slice(i, i + CHUNK).map((e) => ({
          insight_id: e.insightId,
          terms: toJson(e.terms),
          embedding: e.embedding ? toJson(e.embedding) : null,
          embedding_model: e.embeddingModel ?? null,
          created_at: now,
        }));
        await db
          .insertInto('insight_index')
          .values(rows)
          .onConflict((oc) =>
            oc.column('insight_id').doUpdateSet((eb) => ({
              terms: eb.ref('excluded.terms'),
              embedding: eb.ref('excluded.embedding'),
              embedding_model: eb.ref('excluded.embedding_model'),
              created_at: eb.ref('excluded.created_at'),
            })),
          )
          .execute();
      }
    },

    async insightIndex(insightIds) {
      const rows = await inParts(insightIds, (part) =>
        db.selectFrom('insight_index').selectAll().where('insight_id', 'in', part).execute(),
      );
      const out = new Map<number, InsightIndexEntry>();
      for (const r of rows) {
        out.set(r.insight_id, {
          insightId: r.insight_id,
          terms: fromJson<Record<string, number>>(r.terms, 'insight index terms'),
          ...(r.embedding ? { embedding: fromJson<number[]>(r.embedding, 'insight embedding') } : {}),
          ...(r.embedding_model ? { embeddingModel: r.embedding_model } : {}),
        });
      }
      return out;
    },
  };
}
