export { selectExtractor } from './select-extractor.js';
export { llmSettingsFrom } from './settings.js';
export { LlmDeferredError } from './errors.js';
export type { InsightEngine } from './types.js';
