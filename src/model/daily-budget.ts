import { startOfUtcDay } from './utc-day.js';

/** What a paid service (LLM calls, speech-to-text) has recorded as spent since a moment, in USD. */
export type SpentSince = (since: Date) => Promise<number>;

/**
 * Today's (UTC) recorded spend when it plus `costUsd` would pass `budgetUsd`; undefined while it
 * fits. The one budget rule of both paid services, so they cannot drift apart.
 */
export async function spentOverDailyBudget(
  spentSince: SpentSince,
  budgetUsd: number,
  now: Date,
  costUsd: number,
): Promise<number | undefined> {
  const spent = await spentSince(startOfUtcDay(now));
  return spent + costUsd > budgetUsd ? spent : undefined;
}
