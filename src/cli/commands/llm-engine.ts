import { Option, type Command } from 'commander';
import type { InsightExtractor } from '../../insights/index.js';
import { llmSettingsFrom, selectExtractor } from '../../insights/llm/index.js';
import { loadGlobalConfig, withApp, type GlobalOptions } from '../context.js';

export type EngineChoice = 'embedded' | 'llm';

export const engineOption = () =>
  new Option(
    '--engine <engine>',
    'embedded (offline) or llm (LLM_* settings; uses the database for its cache and budget)',
  )
    .choices(['embedded', 'llm'])
    .default('embedded');

/**
 * Runs `work` with the LLM engine (its cache, budget and cost records live in the database).
 * Each fallback to the embedded engine is reported on stderr, so a figure is never silently
 * the embedded engine's.
 */
export async function withLlmEngine<T>(program: Command, work: (engine: InsightExtractor) => Promise<T>): Promise<T> {
  llmSettingsFrom(loadGlobalConfig(program)); // a clear error before anything is opened
  return withApp(program.opts<GlobalOptions>(), async (app) => {
    const llm = selectExtractor(app.config, { store: app.store, log: app.log }, 'llm');
    return work({
      name: llm.name,
      async extract(transcript, opts) {
        const report = await llm.extractWithReport(transcript, opts);
        if (report.fallbackReason)
          console.error(`podbrief: the LLM engine fell back to the embedded one: ${report.fallbackReason}`);
        return report.insights;
      },
    });
  });
}
