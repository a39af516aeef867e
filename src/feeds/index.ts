export { parseFeed } from './parse/parse-feed.js';
export { parseOpml, writeOpml, xmlSafe } from './opml.js';
export { fetchFeed } from './fetch-feed.js';
export { nextPollDelaySeconds } from './schedule.js';
export { cacheHints } from './cache-hints.js';
export { assertFeedUrl, feedUrlProblems } from './check-feed-url.js';
export type { FeedUrlPolicy } from './check-feed-url.js';
export * from './directory/index.js';
