export { evaluateDir, evaluateEpisode } from './evaluate-dir.js';
export type { EvalReport, EpisodeReport, EvaluateOptions } from './evaluate-dir.js';
export { discoverEpisodes, type EpisodeFolder } from './discover.js';
export { summarize, type Ratios, type Summary, type SystemScores } from './summary.js';
export { formatEvalReport, formatRatios, formatScores } from './format.js';
export { parseReferences, readReferences } from './references.js';
export { MATCH_THRESHOLD, MIN_SHARED_TERMS, isMatch, matchShares, rouge1Recall, bagOf, similarity } from './overlap.js';
export { leadPassages, textRankSentences } from './baselines.js';
