export { createLlmExtractor, type LlmExtractorDeps } from './create-llm-extractor.js';
export { selectExtractor, embeddedEngine, type SelectDeps } from './select-extractor.js';
export { llmSettingsFrom, DEFAULT_BASE_URLS, type LlmSettings, type LlmProviderName } from './settings.js';
export { LlmDeferredError, LlmHttpError, LlmOutputError, LlmUnavailableError } from './errors.js';
export { PROMPT_VERSION } from './prompt.js';
export type { DropCounts, EngineOptions, ExtractionReport, InsightEngine, LlmStore } from './types.js';
