import { startOfUtcDay } from '../../model/utc-day.js';
import { formatUsd } from './cost.js';
import { isPriced, type LlmSettings } from './settings.js';
import type { LlmStore } from './types.js';

/**
 * Why the calls must not start: today's (UTC) recorded spend plus their estimated cost would
 * pass the daily budget. Undefined when they may, and always when calls are free.
 */
export async function budgetProblem(store: LlmStore, settings: LlmSettings, now: Date, estimateUsd: number): Promise<string | undefined> {
  if (!isPriced(settings)) return undefined;
  const spent = await store.llmSpendSince(startOfUtcDay(now));
  if (spent + estimateUsd <= settings.dailyBudgetUsd) return undefined;
  return `daily LLM budget of ${formatUsd(settings.dailyBudgetUsd)} reached (${formatUsd(spent)} spent today, this transcript needs up to ${formatUsd(estimateUsd)})`;
}
