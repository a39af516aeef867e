import { upgradeInsights, type UpgradeInsightsDeps } from '../tasks/upgrade-insights.task.js';
import type { JobDefinition } from './job-definition.js';

/** The LLM back-fill after a fallback (INSIGHT_ENGINE=llm only); one run at a time across the fleet. */
export const upgradeInsightsJob: JobDefinition<Record<string, never>, UpgradeInsightsDeps> = {
  name: 'upgrade-insights',
  queue: { policy: 'exclusive', retryLimit: 1, retryDelay: 300, expireInSeconds: 3600 },
  key: () => 'upgrade-insights',
  concurrency: () => 1,
  run: ({ app }, _data, { now }) => upgradeInsights(app, { now }),
};
