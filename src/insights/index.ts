export { extractInsights } from './extract.js';
export { isQuoteGrounded } from './grounding.js';
export { contentTerms } from '../text/index.js';
export type { InsightExtractor } from './types.js';
export { evaluateDir, formatEvalReport } from './eval/index.js';
export type { EvalReport } from './eval/index.js';
export { episodeShingles, ShowShingles, type ShowRepeats } from './score/recurring.js';
export { readableHeadline, standingHeadline } from './text/readable-headline.js';
export { isNeutralHeadline } from '../model/neutral-headline.js';
