import { topTerms } from '../related/insight-index.js';
import { indexEntryFor } from '../related/insight-index.js';
import type { FeedbackValue } from '../store/types.js';
import type { FeedbackStore } from './ports.js';

export interface FeedbackOutcome {
  recorded: boolean;
  headline?: string;
}

/**
 * Stores a vote or a click with the insight's strongest features, so the profile keeps what it
 * learned after the insight itself is gone. Unknown insights are ignored.
 */
export async function recordFeedback(
  store: FeedbackStore,
  userId: number,
  insightId: number,
  value: FeedbackValue,
  at = new Date(),
): Promise<FeedbackOutcome> {
  const insight = await store.insightById(insightId);
  const entry =
    (await store.insightIndex([insightId])).get(insightId) ?? (insight ? indexEntryFor(insight) : undefined);
  if (!entry) return { recorded: false };
  const headline = insight?.headline ?? 'an insight';
  await store.recordFeedback({
    userId,
    insightId,
    value,
    feedId: insight?.feedId ?? null,
    headline,
    terms: topTerms(entry.terms),
    at,
  });
  return { recorded: true, headline };
}
