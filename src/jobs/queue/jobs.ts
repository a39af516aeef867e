import { expireSignUpsJob } from './expire-sign-ups.job.js';
import type { AnyJobDefinition, QueueName } from './job-definition.js';
import { pollFeedJob } from './poll-feed.job.js';
import { processEpisodeJob } from './process-episode.job.js';
import { sendBriefJob } from './send-brief.job.js';
import { upgradeInsightsJob } from './upgrade-insights.job.js';

/** Every job a worker can run, by queue name. */
export const JOBS: Record<QueueName, AnyJobDefinition> = {
  'poll-feed': pollFeedJob,
  'process-episode': processEpisodeJob,
  'send-brief': sendBriefJob,
  'expire-sign-ups': expireSignUpsJob,
  'upgrade-insights': upgradeInsightsJob,
};
