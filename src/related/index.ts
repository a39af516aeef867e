export {
  relateInsights,
  relateInsightsWithEmbedder,
  pairLexicalThreshold,
  DEFAULT_RELATE_THRESHOLD,
  SHORT_ITEMS_RELATE_THRESHOLD,
  DEFAULT_EMBEDDING_RELATE_THRESHOLD,
  MAX_RELATE_ITEMS,
  type RelateOptions,
} from './relate.js';
export type { DenseVector } from './dense-similarity.js';
export { similarInsights } from './similar.js';
export { indexInsights, indexEntryFor, indexText, topTerms } from './insight-index.js';
export { embeddingsClient, type Embedder } from './embeddings.js';
export { embedderFromConfig, EMBEDDER_CONFIG_KEYS } from './embedder-from-config.js';
export { isGenericWord } from './telling-words.js';
export type { InsightIndexStore } from './ports.js';
