export { extractInsights, embeddedExtractor, DEFAULT_TOP } from './extract.js';
export { isQuoteGrounded, normalizeForMatch } from './grounding.js';
export { buildBackgroundStats, type BackgroundStats } from './background/stats.js';
export { contentTerms } from './nlp/terms.js';
export type { ExtractOptions, InsightExtractor } from './types.js';
