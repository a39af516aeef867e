export { pollFeeds, processEpisodes, deliverBriefs, sendDueBriefs, fairShare, type Progress } from './pipeline.js';
export type { DeliverResult } from './tasks/deliver-brief.task.js';
export { startScheduler } from './scheduler.js';
export { processEpisode } from './tasks/process-episode.task.js';
export { refreshFeed } from './tasks/refresh-feed.task.js';
export { upgradeInsights } from './tasks/upgrade-insights.task.js';
