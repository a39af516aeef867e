export { extractInsights, embeddedExtractor, DEFAULT_TOP } from './extract.js';
export { isQuoteGrounded } from './grounding.js';
export { buildBackgroundStats, contentTerms, type BackgroundStats } from '../text/index.js';
export type { ExtractOptions, InsightExtractor } from './types.js';
export { evaluateDir, evaluateEpisode, formatEvalReport } from './eval/index.js';
export type { EvalReport, EpisodeReport, EvaluateOptions, Ratios, SystemScores } from './eval/index.js';
