export { pollFeeds, processEpisodes, deliverBriefs, type Progress } from './pipeline.js';
export { startScheduler } from './scheduler.js';
export { processEpisode } from './tasks/process-episode.task.js';
export { upgradeInsights } from './tasks/upgrade-insights.task.js';
