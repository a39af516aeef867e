/** Podbrief as a library: the pure stages, usable without a database or network. */
export { parseFeed, parseOpml } from './feeds/index.js';
export {
  parseTranscript,
  readTranscriptFile,
  transcriptFromShowNotes,
  pickTranscriptLink,
} from './transcripts/index.js';
export { transcribeAudio, type TranscribeAudioOptions, type AsrResult } from './transcripts/asr/index.js';
export { extractInsights, isQuoteGrounded } from './insights/index.js';
export {
  relateInsights,
  relateInsightsWithEmbedder,
  DEFAULT_EMBEDDING_RELATE_THRESHOLD,
  similarInsights,
  embeddingsClient,
  type Embedder,
  type RelateOptions,
  type DenseVector,
} from './related/index.js';
export { composeBrief, rankInsights } from './briefs/index.js';
export { renderBriefEmail } from './delivery/index.js';
export { loadConfig } from './config/index.js';
export { openStore } from './store/index.js';
export { AppError } from './model/errors.js';
export type * from './model/index.js';
