export { evaluateDir, evaluateEpisode } from './evaluate-dir.js';
export type { EvalReport, EpisodeReport, EvaluateOptions, SystemScores } from './evaluate-dir.js';
export { formatEvalReport } from './format.js';
export { parseReferences, readReferences } from './references.js';
export { MATCH_THRESHOLD, matchShares, rouge1Recall, bagOf, similarity } from './overlap.js';
export { leadPassages, textRankSentences } from './baselines.js';
