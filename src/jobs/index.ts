export { pollFeeds, processEpisodes, deliverBriefs, type Progress, type PollOptions, type ProcessOptions, type DeliverOptions } from './pipeline.js';
export { startScheduler, type Scheduler } from './scheduler.js';
export { refreshFeed, type RefreshResult } from './tasks/refresh-feed.task.js';
export { processEpisode, type ProcessResult } from './tasks/process-episode.task.js';
export { deliverBrief, type DeliverResult } from './tasks/deliver-brief.task.js';
export { mapLimit } from './map-limit.js';
export { upgradeInsights, type UpgradeResult, type UpgradeOptions } from './tasks/upgrade-insights.task.js';
