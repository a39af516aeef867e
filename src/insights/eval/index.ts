export { evaluateDir, evaluateEpisode } from './evaluate-dir.js';
export type { EvalReport, EpisodeReport } from './evaluate-dir.js';
export { discoverEpisodes } from './discover.js';
export { summarize, type SystemScores } from './summary.js';
export { formatEvalReport, formatRatios, formatScores } from './format.js';
export { parseReferences, readReferences } from './references.js';
export { isMatch, matchShares, rouge1Recall, bagOf, similarity } from './overlap.js';
export { textRankSentences } from './baselines.js';
export { repeatsByEpisode, showOf } from './show-repeats.js';
