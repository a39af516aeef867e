import { isNeutralHeadline } from '../insights/index.js';
import { errorMessage } from '../model/errors.js';
import type { StoredInsight } from '../model/insight.js';
import type { InsightIndexEntry } from '../store/types.js';
import type { Embedder } from './embeddings.js';
import type { InsightIndexStore } from './ports.js';
import { featureBag } from './features.js';
import { weightedFeatures } from './vectors.js';

/** What the index reads of an insight. */
export type IndexableInsight = Pick<StoredInsight, 'id' | 'headline' | 'text'>;

/**
 * The headline and text an insight is matched by. A neutral headline is the episode's title, not
 * the insight's words: counted, it would lift exactly the insights that made no claim of their own.
 */
export function indexText(insight: Pick<StoredInsight, 'headline' | 'text'>): string {
  return isNeutralHeadline(insight.headline) ? insight.text : `${insight.headline}. ${insight.text}`;
}

/** Weighted features of a text, rounded so stored JSON stays small. */
export function indexTerms(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, w] of weightedFeatures(featureBag(text))) if (w > 0) out[k] = Math.round(w * 10_000) / 10_000;
  return out;
}

/** The strongest `n` features of an entry, e.g. to remember what a voted-on insight was about. */
export function topTerms(terms: Record<string, number>, n = 16): Record<string, number> {
  return Object.fromEntries(
    Object.entries(terms)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n),
  );
}

export function indexEntryFor(insight: IndexableInsight): InsightIndexEntry {
  return { insightId: insight.id, terms: indexTerms(indexText(insight)) };
}

export interface IndexOutcome {
  indexed: number;
  embedded: number;
  /** Why embeddings are missing when an embedder was given but failed (the lexical entry is kept). */
  embeddingError?: string;
}

/**
 * Indexes new insights: lexical features always, plus an embedding when an embeddings endpoint is
 * configured. An endpoint failure never loses the lexical entry; related insights fall back to it.
 */
export async function indexInsights(
  store: InsightIndexStore,
  insights: IndexableInsight[],
  embedder?: Embedder,
): Promise<IndexOutcome> {
  if (insights.length === 0) return { indexed: 0, embedded: 0 };
  const entries = insights.map(indexEntryFor);
  let embeddingError: string | undefined;
  if (embedder) {
    try {
      const vectors = await embedder.embed(insights.map(indexText));
      entries.forEach((e, i) => {
        e.embedding = (vectors[i] ?? []).map((x) => Math.round(x * 1e6) / 1e6);
        e.embeddingModel = embedder.model;
      });
    } catch (err) {
      embeddingError = errorMessage(err);
    }
  }
  await store.saveInsightIndex(entries);
  return {
    indexed: entries.length,
    embedded: entries.filter((e) => e.embedding).length,
    ...(embeddingError ? { embeddingError } : {}),
  };
}
