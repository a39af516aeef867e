export { relateInsights, relateInsightsWithEmbedder, defaultLexicalThreshold, DEFAULT_RELATE_THRESHOLD, SHORT_ITEMS_RELATE_THRESHOLD, DEFAULT_EMBEDDING_RELATE_THRESHOLD, MAX_RELATE_ITEMS, type RelateOptions } from './relate.js';
export type { DenseVector } from './dense-similarity.js';
export { similarInsights, DEFAULT_MIN_SIMILARITY } from './similar.js';
export { relationOf } from './relation.js';
export { InsightPool, DEFAULT_DUPLICATE, type PoolItem, type SimilarityThresholds } from './pool.js';
export { indexInsights, indexEntryFor, indexTerms, indexText, topTerms, type IndexOutcome } from './insight-index.js';
export { embeddingsClient, type Embedder, type EmbeddingsClientOptions } from './embeddings.js';
export { embedderFromConfig, EMBEDDER_CONFIG_KEYS } from './embedder-from-config.js';
export { featureBag } from './features.js';
