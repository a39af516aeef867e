import type { Insight } from '../../model/insight.js';
import { insightTextKey, sameQuote } from '../insight-key.js';

interface StoredRow {
  id: number;
  quote: string;
  text_key: string | null;
  text: string;
}

export interface InsightMatch {
  /** Stored insights found again, with what they are now. */
  kept: Array<{ id: number; insight: Insight; position: number }>;
  /** Insights not stored before. */
  added: Array<{ insight: Insight; position: number }>;
  /** Ids of stored insights not found again. */
  vanished: number[];
}

/**
 * Pairs a re-extraction's insights with the episode's stored ones: the same quote (the same moment
 * of the episode) or, failing that, the same words keep their stored insight; each stored one is
 * matched at most once.
 */
export function matchInsights(stored: readonly StoredRow[], insights: readonly Insight[]): InsightMatch {
  const free = new Map(stored.map((row) => [row.id, row]));
  const kept: InsightMatch['kept'] = [];
  const unmatched: Array<{ insight: Insight; position: number }> = [];
  insights.forEach((insight, position) => {
    const row = insight.quote.trim() ? [...free.values()].find((r) => sameQuote(r.quote, insight.quote)) : undefined;
    if (row) {
      free.delete(row.id);
      kept.push({ id: row.id, insight, position });
    } else unmatched.push({ insight, position });
  });
  const added: InsightMatch['added'] = [];
  for (const candidate of unmatched) {
    const key = insightTextKey(candidate.insight.text);
    const row = [...free.values()].find((r) => (r.text_key ?? insightTextKey(r.text)) === key);
    if (row) {
      free.delete(row.id);
      kept.push({ id: row.id, ...candidate });
    } else added.push(candidate);
  }
  return { kept, added, vanished: [...free.keys()] };
}
