import type { Config } from '../../config/options.js';
import type { Logger } from '../../logger.js';
import { embeddedExtractor } from '../extract.js';
import { createLlmExtractor } from './create-llm-extractor.js';
import { llmSettingsFrom } from './settings.js';
import type { InsightEngine, LlmStore } from './types.js';

export interface SelectDeps {
  store: LlmStore;
  log: Logger;
}

/** The embedded engine, reporting like the LLM one does. */
const embeddedEngine: InsightEngine = {
  name: 'embedded',
  extract: (transcript, opts) => embeddedExtractor.extract(transcript, opts),
  extractWithReport: async (transcript, opts) => ({
    insights: await embeddedExtractor.extract(transcript, opts),
    engine: 'embedded',
  }),
};

/**
 * INSIGHT_ENGINE's engine, or `engine` when given (the CLI's --engine). The embedded one needs
 * nothing; the LLM one throws `llm_not_configured` when its settings are missing.
 */
export function selectExtractor(
  config: Config,
  deps: SelectDeps,
  engine: 'embedded' | 'llm' = config.insightEngine,
): InsightEngine {
  if (engine === 'embedded') return embeddedEngine;
  return createLlmExtractor({ settings: llmSettingsFrom(config), store: deps.store, log: deps.log });
}
