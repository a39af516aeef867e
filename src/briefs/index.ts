export { composeBrief, type ComposeDeps, type ComposeOptions, type ComposeOutcome, type SimilarFn } from './compose-brief.js';
export { rankInsights, type RankedInsight, type RankOptions } from './rank.js';
export { interestMatch, type TermsOf } from './interest-match.js';
export { localTime, isValidTimeZone, type LocalTime } from './local-time.js';
export { timestampUrl } from './timestamp-url.js';
